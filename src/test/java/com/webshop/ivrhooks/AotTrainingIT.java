package com.webshop.ivrhooks;

import com.webshop.ivrhooks.support.RedisServerProcess;
import com.webshop.ivrhooks.support.ServiceProcess;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The Dockerfile's training run (deploy/aot-training.sh) on the packaged jar, extracted as the image
 * holds it: it writes an AOT cache, and the service starts with that cache required
 * ({@code -XX:AOTMode=on} stops the JVM if it cannot use it) and answers.
 */
class AotTrainingIT {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void shouldWriteACacheThatTheServiceStartsWith(@TempDir Path dir) throws Exception {
        run(new ProcessBuilder(JAVA, "-Djarmode=tools", "-jar", System.getProperty("ivr.jar"),
                "extract", "--destination", dir.resolve("app").toString()), dir.resolve("extract.log"));
        String jar;
        try (Stream<Path> files = Files.list(dir.resolve("app"))) {
            jar = files.filter(file -> file.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow().toString();
        }
        try (JarFile extracted = new JarFile(jar)) {
            // the image runs this jar: Netty frees its buffers without a handshake of all threads
            assertThat(extracted.getManifest().getMainAttributes().getValue("Enable-Native-Access"))
                    .isEqualTo("ALL-UNNAMED");
        }
        Path cache = dir.resolve("app.aot");

        ProcessBuilder training = new ProcessBuilder("deploy/aot-training.sh", cache.toString(),
                "-Dspring.aot.enabled=true", "-jar", jar);
        training.environment().putAll(Map.of("JAVA", JAVA,
                "TRAINING_REDIS_PORT", freePort(), "TRAINING_PORT", freePort(), "TRAINING_MANAGEMENT_PORT", freePort()));
        run(training, dir.resolve("training.log"));
        assertThat(cache).isNotEmptyFile();

        try (RedisServerProcess redis = RedisServerProcess.start()) {
            String port = freePort();
            String managementPort = freePort();
            ProcessBuilder builder = new ProcessBuilder(JAVA, "-XX:AOTCache=" + cache, "-XX:AOTMode=on",
                    "-Dspring.aot.enabled=true", "-jar", jar)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("service.log").toFile());
            builder.environment().putAll(Map.of("IVR_USERNAME", "cache-user", "IVR_PASSWORD", "cache-pass",
                    "SERVER_PORT", port, "MANAGEMENT_SERVER_PORT", managementPort,
                    "SPRING_DATA_REDIS_PORT", String.valueOf(redis.port()), "SPRING_PROFILES_ACTIVE", "demo"));
            Process service = builder.start();
            try {
                // ready once the demo pre-orders are written, which happens after the port opens
                ServiceProcess.awaitOk(service, Integer.parseInt(managementPort), "/actuator/health/readiness",
                        dir.resolve("service.log"));
                given().port(Integer.parseInt(port)).contentType(ContentType.JSON)
                        .body("""
                                {"username": "cache-user", "password": "cache-pass", "orderNumber": "ORD-2024-001234"}
                                """)
                        .post("/hooks/ivr/pre_order/").then().statusCode(200)
                        .body("result.success", equalTo(true));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static void run(ProcessBuilder builder, Path log) throws Exception {
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        assertThat(process.exitValue()).as(String.join(" ", builder.command()) + ": " + Files.readString(log)).isZero();
    }

    private static String freePort() throws IOException {
        return String.valueOf(ServiceProcess.freePort());
    }
}
