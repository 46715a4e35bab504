package com.webshop.ivrhooks.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A real Redis Sentinel ({@code redis-server --sentinel}) watching one master, with quorum 1. */
public final class RedisSentinelProcess implements AutoCloseable {

    public static final String MASTER_NAME = "ivr-master";

    private final int port;
    private final Process process;

    private RedisSentinelProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static RedisSentinelProcess watch(int masterPort) {
        try {
            int port = ServiceProcess.freePort();
            Path dir = Files.createTempDirectory("ivr-hooks-sentinel");
            Path config = dir.resolve("sentinel.conf");
            Files.writeString(config, """
                    port %d
                    bind 127.0.0.1
                    dir %s
                    sentinel monitor %s 127.0.0.1 %d 1
                    sentinel down-after-milliseconds %s 1000
                    sentinel failover-timeout %s 5000
                    """.formatted(port, dir, MASTER_NAME, masterPort, MASTER_NAME, MASTER_NAME));
            Process process = new ProcessBuilder("redis-server", config.toString(), "--sentinel")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sentinel.log").toFile())
                    .start();
            RedisSentinelProcess sentinel = new RedisSentinelProcess(port, process);
            sentinel.awaitPong();
            return sentinel;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start redis-server --sentinel from PATH", e);
        }
    }

    /** {@code spring.data.redis.sentinel.nodes} */
    public String nodes() {
        return "127.0.0.1:" + port;
    }

    /** The port Sentinel currently names as the master's. */
    public int masterPort() {
        String reply = command("SENTINEL get-master-addr-by-name " + MASTER_NAME);
        String[] lines = reply.split("\r\n");
        return Integer.parseInt(lines[lines.length - 1]);
    }

    /** Waits until Sentinel has seen the replica, without which it cannot fail over. */
    public void awaitReplica(int replicaPort) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!command("SENTINEL replicas " + MASTER_NAME).contains(String.valueOf(replicaPort))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Sentinel did not discover the replica on port " + replicaPort);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void awaitPong() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (command("PING").startsWith("+PONG")) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("redis sentinel did not answer PING");
    }

    private String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read = in.read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
