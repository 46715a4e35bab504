package com.webshop.ivrhooks.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The packaged service started as a process of its own, as the black-box tests start it. */
public final class ServiceProcess {

    private ServiceProcess() {}

    /** Waits until a GET of the path answers 200, and fails at once if the process exits. */
    public static void awaitOk(Process service, int port, String path, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("service running; log: " + Files.readString(log)).isTrue();
            try {
                given().port(port).get(path).then().statusCode(200);
                return;
            } catch (Exception | AssertionError e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(path + " did not answer 200 within 60 s; log: " + Files.readString(log));
    }

    /** A free port, for the service or any other process a test starts. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
