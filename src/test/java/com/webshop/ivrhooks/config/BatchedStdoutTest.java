package com.webshop.ivrhooks.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class BatchedStdoutTest {

    /** Stands in for file descriptor 1: keeps what is written and counts the write calls. */
    private static class Recorder extends OutputStream {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException("stdout is written a batch at a time");
        }

        @Override
        public synchronized void write(byte[] batch, int offset, int length) throws IOException {
            writes.incrementAndGet();
            bytes.write(batch, offset, length);
        }

        synchronized String text() {
            return bytes.toString(UTF_8);
        }
    }

    @Test
    void shouldWriteAFlushedLineWithoutWaitingForMore() throws Exception {
        Recorder recorder = new Recorder();
        BatchedStdout stdout = started(recorder, BatchedStdout.DEFAULT_LIMIT);

        print(stdout, "{\"message\":\"hook call\"}\n");

        awaitText(recorder, "{\"message\":\"hook call\"}\n");
    }

    @Test
    void shouldWriteEveryLineWholeAndInOrderInFarFewerWritesThanLines() throws Exception {
        Recorder recorder = new Recorder();
        BatchedStdout stdout = started(recorder, BatchedStdout.DEFAULT_LIMIT);
        int threads = 8;
        int linesEach = 2000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; n < linesEach; n++) {
                    print(stdout, "writer " + id + " line " + n + " " + "x".repeat(n % 50) + "\n");
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        stdout.close();

        String[] lines = recorder.text().split("\n", -1);
        assertThat(lines).hasSize(threads * linesEach + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        int[] next = new int[threads];
        for (int i = 0; i < lines.length - 1; i++) {
            String[] parts = lines[i].split(" ");
            int id = Integer.parseInt(parts[1]);
            int n = Integer.parseInt(parts[3]);
            assertThat(n).as("line %d of writer %d", n, id).isEqualTo(next[id]);
            assertThat(lines[i]).isEqualTo("writer " + id + " line " + n + " " + "x".repeat(n % 50));
            next[id]++;
        }
        assertThat(recorder.writes.get()).isLessThan(threads * linesEach / 10);
    }

    @Test
    void shouldHaveWrittenEverythingWhenCloseReturns() {
        Recorder recorder = new Recorder();
        BatchedStdout stdout = started(recorder, BatchedStdout.DEFAULT_LIMIT);
        print(stdout, "first\n");
        print(stdout, "second\n");

        stdout.close();

        assertThat(recorder.text()).isEqualTo("first\nsecond\n");
    }

    @Test
    void shouldWriteEachFlushBeforeItReturnsOnceClosing() {
        Recorder recorder = new Recorder();
        BatchedStdout stdout = started(recorder, BatchedStdout.DEFAULT_LIMIT);
        stdout.close();

        print(stdout, "Graceful shutdown complete\n");

        assertThat(recorder.text()).isEqualTo("Graceful shutdown complete\n");
    }

    @Test
    void shouldHoldWritersBackWhileTheReaderOfStdoutIsBehind() throws Exception {
        CountDownLatch readerBack = new CountDownLatch(1);
        Recorder recorder = new Recorder() {
            @Override
            public void write(byte[] batch, int offset, int length) throws IOException {
                try {
                    readerBack.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.write(batch, offset, length);
            }
        };
        BatchedStdout stdout = started(recorder, 100);
        String sixty = "y".repeat(59) + "\n";
        AtomicBoolean allHandedIn = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 4; i++) {
                print(stdout, sixty);
            }
            allHandedIn.set(true);
        });

        // the first line is being written, the second waits, the third would pass the limit
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (writer.getState() != Thread.State.WAITING && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(writer.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(allHandedIn).isFalse();

        readerBack.countDown();
        writer.join(5000);
        assertThat(allHandedIn).isTrue();
        stdout.close();
        assertThat(recorder.text()).isEqualTo(sixty.repeat(4));
    }

    @Test
    void shouldGoOnWritingAfterAWriteFailed() throws Exception {
        AtomicBoolean failNext = new AtomicBoolean(true);
        Recorder recorder = new Recorder() {
            @Override
            public void write(byte[] batch, int offset, int length) throws IOException {
                if (failNext.getAndSet(false)) {
                    throw new IOException("Broken pipe");
                }
                super.write(batch, offset, length);
            }
        };
        BatchedStdout stdout = started(recorder, BatchedStdout.DEFAULT_LIMIT);
        print(stdout, "lost\n");
        awaitCondition(() -> !failNext.get());

        print(stdout, "written\n");
        stdout.close();

        assertThat(recorder.text()).isEqualTo("written\n");
    }

    @Test
    void shouldCarrySystemOutUpToTheJvmsExit() throws Exception {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LastWords.class.getName())
                .redirectErrorStream(true).start();

        String output = new String(java.getInputStream().readAllBytes(), UTF_8);

        assertThat(java.waitFor()).isZero();
        assertThat(output).isEqualTo("last words" + System.lineSeparator());
    }

    /** Prints through the installed System.out and exits at once, before the writer's pause is over. */
    static class LastWords {

        public static void main(String[] args) {
            BatchedStdout.install();
            System.out.println("last words");
            System.exit(0);
        }
    }

    private static BatchedStdout started(OutputStream out, int limit) {
        BatchedStdout stdout = new BatchedStdout(out, limit);
        stdout.start();
        return stdout;
    }

    /** As logback's console appender hands a line to System.out: one write, then a flush. */
    private static void print(BatchedStdout stdout, String line) {
        byte[] bytes = line.getBytes(UTF_8);
        stdout.write(bytes, 0, bytes.length);
        stdout.flush();
    }

    private static void awaitText(Recorder recorder, String expected) throws InterruptedException {
        awaitCondition(() -> recorder.text().equals(expected));
        assertThat(recorder.text()).isEqualTo(expected);
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
    }
}
