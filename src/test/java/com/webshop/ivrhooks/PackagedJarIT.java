package com.webshop.ivrhooks;

import com.webshop.ivrhooks.support.RedisServerProcess;
import com.webshop.ivrhooks.support.ServiceProcess;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged jar, started the way the container starts it (Spring's AOT-processed context): a
 * payment recorded, JSON (ECS) log lines, every one of them parseable, one per hook call, and never
 * a stack trace or a password.
 */
class PackagedJarIT {

    private static final String PASSWORD = "Jar-Canary-Pa55";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // logs at start whether it can free direct buffers with malloc's free
    private static final String NETTY_NATIVE_CLEANER = "io.netty.util.internal.CleanerJava24Linker";

    private static RedisServerProcess redis;
    private static Process service;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startJar() throws Exception {
        redis = RedisServerProcess.start();
        port = ServiceProcess.freePort();
        log = Files.createTempFile("ivr-hooks-jar", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.aot.enabled=true", "-Dlogging.level." + NETTY_NATIVE_CLEANER + "=debug",
                "-jar", System.getProperty("ivr.jar"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("IVR_USERNAME", "jar-user");
        env.put("IVR_PASSWORD", PASSWORD);
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(ServiceProcess.freePort()));
        env.put("SPRING_DATA_REDIS_PORT", String.valueOf(redis.port()));
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "com.webshop.ivrhooks.config.EcsLogFormatter");
        // a profile is decided at runtime, also in the AOT-processed context
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        service = builder.start();
        ServiceProcess.awaitOk(service, port, "/openapi/ivr-hooks.yaml", log);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        service.destroy();
        service.waitFor();
        redis.close();
    }

    @Test
    void shouldWriteOneParseableJsonLinePerHookCallAndNoStackTrace() throws Exception {
        given().port(port).contentType(ContentType.JSON)
                .body("{\"username\": \"jar-user\", \"password\": \"" + PASSWORD + "\", \"orderNumber\": \"ORD-2024-001234\"}")
                .post("/hooks/ivr/pre_order").then().statusCode(200)
                .body("result.success", equalTo(true))
                .body("productlist[0].productnumber", equalTo("SKU-1001"));
        given().port(port).contentType(ContentType.JSON).header("X-Request-Id", "jar-req-0")
                .body("""
                        {"username": "jar-user", "password": "%s",
                         "orderResultRequest": {"orderNumber": "ORD-2024-001234", "referenceNumber": "JAR-REF-1", "staffId": "S1"}}
                        """.formatted(PASSWORD))
                .post("/hooks/ivr/complete/").then().statusCode(200)
                .body("orderResultResponse.result.success", equalTo(true));
        assertThat(redis.cli("XLEN", "ivr:transactions").trim()).isEqualTo("1");
        given().port(port).contentType(ContentType.JSON).header("X-Request-Id", "jar-req-1")
                .body("{\"username\": \"jar-user\", \"password\": \"" + PASSWORD + "\", \"orderNumber\": \"ORD-JAR\"}")
                .post("/hooks/ivr/pre_order/").then().statusCode(200)
                .header("X-Request-Id", "jar-req-1")
                .body("result.errortext", equalTo("Order not found"));
        given().port(port).header("X-Request-Id", "jar-req-2").body("{")
                .post("/hooks/ivr/complete").then().statusCode(200)
                .body("orderResultResponse.result.errortext", equalTo("Input invalid"));
        redis.kill();
        given().port(port).contentType(ContentType.JSON).header("X-Request-Id", "jar-req-3")
                .body("{\"username\": \"jar-user\", \"password\": \"" + PASSWORD + "\", \"orderNumber\": \"ORD-JAR\"}")
                .post("/hooks/ivr/pre_order/").then().statusCode(200)
                .body("result.errortext", equalTo("Service unavailable"));

        List<JsonNode> lines = awaitLines("jar-req-3");
        assertThat(Files.readString(log)).doesNotContain(PASSWORD).doesNotContain("\tat ").doesNotContain("stack_trace");
        assertThat(hookCall(lines, "jar-req-0").get("outcome").asString()).isEqualTo("success");
        JsonNode first = hookCall(lines, "jar-req-1");
        assertThat(first.get("endpoint").asString()).isEqualTo("pre_order");
        assertThat(first.get("orderNumber").asString()).isEqualTo("ORD-JAR");
        assertThat(first.get("outcome").asString()).isEqualTo("Order not found");
        assertThat(first.get("durationMs").isNumber()).isTrue();
        assertThat(first.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(hookCall(lines, "jar-req-2").get("outcome").asString()).isEqualTo("Input invalid");
        assertThat(hookCall(lines, "jar-req-3").get("outcome").asString()).isEqualTo("Service unavailable");
    }

    /**
     * Netty frees Lettuce's buffers with malloc's free, not by closing a shared memory arena, which on
     * JDK 25 stops every thread of the JVM for a handshake: the jar's manifest enables native access.
     */
    @Test
    void shouldLetNettyFreeItsBuffersWithoutAHandshakeOfAllThreads() throws Exception {
        List<String> cleanerLines = Files.readAllLines(log).stream().filter(line -> line.contains(NETTY_NATIVE_CLEANER))
                .toList();
        assertThat(cleanerLines).isNotEmpty().allSatisfy(line -> {
            JsonNode parsed = JSON.readTree(line);
            assertThat(parsed.get("log").get("logger").asString()).isEqualTo(NETTY_NATIVE_CLEANER);
            assertThat(parsed.get("message").asString()).isEqualTo("java.nio.ByteBuffer.cleaner(): available");
        });
    }

    private static JsonNode hookCall(List<JsonNode> lines, String requestId) {
        List<JsonNode> calls = lines.stream()
                .filter(line -> line.has("requestId") && requestId.equals(line.get("requestId").asString()))
                .toList();
        assertThat(calls).as("hook call lines for " + requestId).hasSize(1);
        return calls.getFirst();
    }

    /** Every line of the log parsed as JSON, once the line for the given request id is there. */
    private static List<JsonNode> awaitLines(String requestId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Files.readString(log).contains(requestId) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
