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
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code redis-server} from PATH on a free loopback port, for machines without Docker.
 * Extra arguments are passed through (e.g. {@code --appendonly yes}).
 */
public final class RedisServerProcess implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final List<String> extraArgs;
    private Process process;

    private RedisServerProcess(int port, Path dir, List<String> extraArgs) {
        this.port = port;
        this.dir = dir;
        this.extraArgs = extraArgs;
    }

    public static RedisServerProcess start(String... extraArgs) {
        try {
            return start(ServiceProcess.freePort(), extraArgs);
        } catch (IOException e) {
            throw new IllegalStateException("Could not find a free port", e);
        }
    }

    public static RedisServerProcess start(int port, String... extraArgs) {
        try {
            RedisServerProcess server = new RedisServerProcess(port,
                    Files.createTempDirectory("ivr-hooks-redis"), List.of(extraArgs));
            server.launch();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start redis-server from PATH", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server at once, like a crash or an outage. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs a command with redis-cli against this server and returns its output. */
    public String cli(String... arguments) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
        command.addAll(List.of(arguments));
        return run(command).trim();
    }

    /** Runs a program to its end and returns what it printed; a non-zero exit is a failure. */
    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open but nothing is answered. */
    public void suspend() {
        signal("STOP");
    }

    public void resume() {
        signal("CONT");
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void signal(String signal) {
        if (!isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Could not send SIG" + signal + " to redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again on the same port, with the same data directory. */
    public void restart() throws IOException {
        kill();
        launch();
    }

    @Override
    public void close() {
        kill();
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server",
                "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        awaitPong(Duration.ofSeconds(10));
    }

    private void awaitPong(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            if (answersPing()) {
                return;
            }
            sleep(Duration.ofMillis(20));
        }
        throw new IOException("redis-server did not answer PING within " + timeout);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
