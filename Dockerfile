# syntax=docker/dockerfile:1

FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace
# Dependencies first, so a source change does not download them again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package \
    && java -Djarmode=tools -jar target/ivr-hooks-*.jar extract --layers --application-filename application.jar --destination extracted

FROM eclipse-temurin:25-jre
LABEL org.opencontainers.image.title="ivr-hooks" \
      org.opencontainers.image.description="IVR payment hooks for the web shop"
RUN groupadd --system --gid 10001 ivr \
    && useradd --system --uid 10001 --gid ivr --no-create-home --shell /usr/sbin/nologin ivr
WORKDIR /app
# Layers from least to most often changed, so rebuilds reuse the first ones.
COPY --from=build --chown=10001:10001 /workspace/extracted/dependencies/ ./
COPY --from=build --chown=10001:10001 /workspace/extracted/spring-boot-loader/ ./
COPY --from=build --chown=10001:10001 /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=10001:10001 /workspace/extracted/application/ ./
# Training run for the JDK's AOT cache (JEP 483/514): the context starts and exits, without Redis.
# A new pod then starts in about half the time.
RUN IVR_USERNAME=training IVR_PASSWORD=training \
    java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -jar /app/application.jar
USER 10001:10001
# JSON log lines (Elastic Common Schema) in the container; stack traces never reach the log
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
    LOGGING_STRUCTURED_JSON_EXCLUDE=error.stack_trace
EXPOSE 8080 8081
# Only /tmp needs to be writable, so the root filesystem can be mounted read-only.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "-Djava.io.tmpdir=/tmp", "-jar", "/app/application.jar"]
