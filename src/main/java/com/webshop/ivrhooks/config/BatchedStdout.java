package com.webshop.ivrhooks.config;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Standard output, written by one background thread in as few write calls as the load allows: the
 * lines of up to 16 ms leave together. One write call per log line was about a twentieth of a
 * pre_order's CPU in the benchmark's profile; a write every millisecond still cost the service 5 %
 * more CPU than one every 16 ms, as each write into the log collector's pipe wakes its reader, and
 * each pause wakes this thread, on cores busy with hook calls.
 *
 * <p>A flush hands what was written to the writer thread and returns. Callers wait only when more
 * than {@code limit} bytes are waiting (whoever reads stdout has fallen behind), and once the JVM
 * shuts down, when every flush returns only after its bytes are written. Whole writes stay whole, in
 * order. A line can only be lost when the process is killed outright in the moment between its flush
 * and its write.
 */
public final class BatchedStdout extends OutputStream {

    static final int DEFAULT_LIMIT = 1 << 20;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(16);
    private static final long SHUTDOWN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final OutputStream out;
    private final int limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushRequested = lock.newCondition();
    private final Condition written = lock.newCondition();
    private byte[] filling = new byte[64 * 1024];
    private byte[] writing = new byte[64 * 1024];
    private int count;
    // bytes ever handed in, and ever written: a flush after shutdown waits for its own bytes only
    private long appended;
    private long writtenUpTo;
    private boolean pending;
    private boolean closing;

    BatchedStdout(OutputStream out, int limit) {
        this.out = out;
        this.limit = limit;
    }

    /** Makes {@link System#out} batched, with a writer thread and a shutdown hook that drains it. */
    public static void install() {
        BatchedStdout stdout = new BatchedStdout(new FileOutputStream(FileDescriptor.out), DEFAULT_LIMIT);
        stdout.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("stdout-drain").unstarted(stdout::close));
        System.setOut(new PrintStream(stdout, true, System.out.charset()));
    }

    void start() {
        Thread.ofPlatform().name("stdout-writer").daemon().start(this::writeLoop);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        lock.lock();
        try {
            while (count > 0 && count + length > limit && !closing) {
                requestWrite();
                written.awaitUninterruptibly();
            }
            if (count + length > filling.length) {
                filling = Arrays.copyOf(filling, Math.max(count + length, filling.length * 2));
            }
            System.arraycopy(bytes, offset, filling, count, length);
            count += length;
            appended += length;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            if (count > 0) {
                requestWrite();
            }
            if (closing) {
                awaitWritten();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is waiting, and makes every later flush wait for its write. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            flush();
        } finally {
            lock.unlock();
        }
    }

    private void requestWrite() {
        if (!pending) {
            pending = true;
            flushRequested.signal();
        }
    }

    /** Bounded: a reader of stdout that never reads again must not hold up the JVM's exit. */
    private void awaitWritten() {
        long target = appended;
        long nanos = SHUTDOWN_WAIT_NANOS;
        while (writtenUpTo < target && nanos > 0) {
            try {
                nanos = written.awaitNanos(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Sleeps on the condition only when a whole pause passed without a flush: under load the
     * writer wakes on its own timer, and a flush never has to wake it.
     */
    private void writeLoop() {
        while (true) {
            lock.lock();
            try {
                while (!pending) {
                    flushRequested.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
            do {
                LockSupport.parkNanos(LINGER_NANOS);
            } while (writeBatch());
        }
    }

    /** @return whether there was a batch to write */
    private boolean writeBatch() {
        byte[] batch;
        int length;
        long end;
        lock.lock();
        try {
            if (!pending) {
                return false;
            }
            batch = filling;
            length = count;
            filling = writing;
            writing = batch;
            count = 0;
            end = appended;
            pending = false;
        } finally {
            lock.unlock();
        }
        try {
            out.write(batch, 0, length);
        } catch (IOException | RuntimeException e) {
            // as System.out does: a log line that cannot be written must not fail the caller, nor stop the writer
        }
        lock.lock();
        try {
            writtenUpTo = end;
            written.signalAll();
        } finally {
            lock.unlock();
        }
        return true;
    }
}
