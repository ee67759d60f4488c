package org.multiprocessing4j.worker.internal.hooks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Routes {@code System.out} by thread: what a task's thread (or a thread it started) prints goes
 * to that task's {@link LineSink}, line by line; everything else reaches the real stdout.
 *
 * <p>Installed once per JVM; tasks keep writing to plain {@code System.out}, as Python's
 * {@code print()} in a child process would.
 */
public final class OutputCapture {
    /** Receives complete lines, without their line terminator. */
    public interface LineSink {
        void line(String line);
    }

    private static final InheritableThreadLocal<LineBuffer> CURRENT = new InheritableThreadLocal<>();
    private static PrintStream original;

    private OutputCapture() {
    }

    /** Replaces System.out with the routing stream (idempotent). */
    public static synchronized void install() {
        if (original != null) {
            return;
        }
        original = System.out;
        System.setOut(new PrintStream(new Router(original), true, StandardCharsets.UTF_8));
    }

    /** The stdout this JVM had before install(), for the worker's own messages. */
    public static synchronized PrintStream originalOut() {
        return original != null ? original : System.out;
    }

    /**
     * Sends this thread's output (and that of threads it starts from now on) to {@code sink}
     * until the returned capture is closed; closing flushes an unfinished last line.
     */
    public static Capture begin(LineSink sink) {
        LineBuffer buffer = new LineBuffer(sink);
        CURRENT.set(buffer);
        return new Capture(buffer);
    }

    /** One task's capture. close() ends it on this thread and mutes late writes from threads it started. */
    public static final class Capture implements AutoCloseable {
        private final LineBuffer buffer;

        private Capture(LineBuffer buffer) {
            this.buffer = buffer;
        }

        /** Drops whatever is still printed, from any thread: the task was abandoned. */
        public void mute() {
            buffer.mute();
        }

        @Override
        public void close() {
            System.out.flush();
            buffer.finish();
            if (CURRENT.get() == buffer) {
                CURRENT.remove();
            }
        }
    }

    private static final class Router extends OutputStream {
        private final PrintStream fallback;

        Router(PrintStream fallback) {
            this.fallback = fallback;
        }

        @Override
        public void write(int b) {
            LineBuffer buffer = CURRENT.get();
            if (buffer == null) {
                fallback.write(b);
            } else {
                buffer.write(new byte[] {(byte) b}, 0, 1);
            }
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
            LineBuffer buffer = CURRENT.get();
            if (buffer == null) {
                fallback.write(bytes, off, len);
            } else {
                buffer.write(bytes, off, len);
            }
        }

        @Override
        public void flush() {
            fallback.flush();
        }
    }

    /**
     * Bytes until a newline, then one UTF-8 line to the sink. Splitting on the byte 0x0A is safe:
     * it never occurs inside a multi-byte UTF-8 character (中文 stays whole).
     */
    private static final class LineBuffer {
        private final LineSink sink;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean finished;

        LineBuffer(LineSink sink) {
            this.sink = sink;
        }

        synchronized void write(byte[] bytes, int off, int len) {
            if (finished) {
                return; // a thread the task left behind keeps printing after the task ended
            }
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (bytes[i] == '\n') {
                    pending.write(bytes, start, i - start);
                    emit();
                    start = i + 1;
                }
            }
            pending.write(bytes, start, off + len - start);
        }

        synchronized void mute() {
            pending.reset();
            finished = true;
        }

        synchronized void finish() {
            if (!finished && pending.size() > 0) {
                emit();
            }
            finished = true;
        }

        private void emit() {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            sink.line(line);
        }
    }
}
