package com.webshop.ivrhooks.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The packaged service started as a process of its own, as the black-box tests start it. */
public final class ServiceProcess {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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

    /**
     * A free port, for the service or any other process a test starts, never one handed out before
     * in this JVM: the kernel may give the same free port to two calls in a row, and a service's
     * two ports, taken before it binds either, once were the same.
     */
    public static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
