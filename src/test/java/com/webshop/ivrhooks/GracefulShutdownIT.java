package com.webshop.ivrhooks;

import com.webshop.ivrhooks.support.RedisServerProcess;
import com.webshop.ivrhooks.support.ServiceProcess;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM lets a call that is under way finish with its envelope before the process exits. */
class GracefulShutdownIT {

    private RedisServerProcess redis;
    private Process service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
        if (redis != null) {
            redis.resume();
            redis.close();
        }
    }

    @Test
    void shouldFinishACallInFlightOnSigterm() throws Exception {
        redis = RedisServerProcess.start();
        int port = ServiceProcess.freePort();
        Path log = Files.createTempFile("ivr-hooks-shutdown", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("ivr.jar")).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("IVR_USERNAME", "shutdown-user");
        builder.environment().put("IVR_PASSWORD", "shutdown-pass");
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(ServiceProcess.freePort()));
        builder.environment().put("SPRING_DATA_REDIS_PORT", String.valueOf(redis.port()));
        service = builder.start();
        String body = "{\"username\": \"shutdown-user\", \"password\": \"shutdown-pass\", \"orderNumber\": \"ORD-1\"}";
        awaitAnswer(port, body);

        redis.suspend();
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> given().port(port)
                .contentType(ContentType.JSON).body(body).post("/hooks/ivr/pre_order/")
                .then().statusCode(200).extract().path("result.errortext"));
        Thread.sleep(300);
        service.destroy();

        assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("Service unavailable");
        assertThat(service.waitFor(20, TimeUnit.SECONDS)).as("exited after the call").isTrue();
        assertThat(Files.readString(log)).contains("Graceful shutdown complete");
    }

    private void awaitAnswer(int port, String body) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                given().port(port).contentType(ContentType.JSON).body(body).post("/hooks/ivr/pre_order/")
                        .then().statusCode(200);
                return;
            } catch (Exception | AssertionError e) {
                assertThat(Instant.now()).as("the jar answers").isBefore(deadline);
                Thread.sleep(200);
            }
        }
    }
}
