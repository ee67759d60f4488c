package org.multiprocessing4j.support;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.multiprocessing4j.OutputLine;
import org.multiprocessing4j.OutputSink;

/**
 * One timeline of what a program showed: the parent's own lines (written to {@link #parent()})
 * and the lines tasks printed on workers (arriving through {@link #sink()}), in arrival order,
 * each with the pid of the process that printed it.
 */
public final class Transcript {
    /** One line; pid is this JVM's for the parent's lines, the worker's for task lines. */
    public record Entry(long pid, String text, long atNanos) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final long start = System.nanoTime();
    private final long myPid = ProcessHandle.current().pid();

    public OutputSink sink() {
        return (OutputLine line) -> entries.add(new Entry(line.pid(), line.text(), System.nanoTime()));
    }

    public PrintWriter parent() {
        return new PrintWriter(new Writer() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public synchronized void write(char[] buffer, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (buffer[i] == '\n') {
                        entries.add(new Entry(myPid, pending.toString().replace("\r", ""), System.nanoTime()));
                        pending.setLength(0);
                    } else {
                        pending.append(buffer[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, true);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<String> lines() {
        return entries.stream().map(Entry::text).toList();
    }

    /** Lines a worker printed (pid differs from this JVM's). */
    public List<Entry> fromWorkers() {
        return entries.stream().filter(e -> e.pid() != myPid).toList();
    }

    public double secondsAt(Entry entry) {
        return (entry.atNanos() - start) / 1e9;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(String.format("%6.2fs  %-8s %s%n", secondsAt(entry),
                    entry.pid() == myPid ? "parent" : "pid " + entry.pid(), entry.text()));
        }
        return text.toString();
    }
}
