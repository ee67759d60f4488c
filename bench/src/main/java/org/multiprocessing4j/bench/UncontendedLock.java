package org.multiprocessing4j.bench;

import org.HdrHistogram.Histogram;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.sync.RemoteLock;

/**
 * One handle acquiring and releasing a free Lock, one cycle at a time: what a worker pays for a
 * critical section nobody else wants. The handle stays connected across rounds.
 */
final class UncontendedLock implements AutoCloseable {
    /** One round's figures. */
    record Figures(double perSecond, double p50Ms) {
    }

    private final Multiprocessing mp;
    private final RemoteLock lock;

    UncontendedLock(String uri, String namespace) {
        mp = Multiprocessing.builder().settings(BrokerSettings.defaults().withUri(uri).withNamespace(namespace))
                .output(OutputSink.discard()).connect();
        lock = mp.lock("uncontended");
    }

    Figures round(int cycles) {
        Histogram cycleTimes = new Histogram(3);
        long started = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            long t = System.nanoTime();
            lock.acquire();
            lock.release();
            cycleTimes.recordValue((System.nanoTime() - t) / 1000);
        }
        return new Figures(cycles / ((System.nanoTime() - started) / 1e9), cycleTimes.getValueAtPercentile(50) / 1000.0);
    }

    @Override
    public void close() {
        try {
            lock.delete();
        } finally {
            mp.close();
        }
    }
}
