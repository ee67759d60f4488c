package org.multiprocessing4j.bench;

import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.sync.RemoteLock;

/**
 * One side of the Lock hand-off bench, in a JVM of its own: {@code turns} holds of the named lock,
 * each held 5 ms so that the other side is already subscribed, waiting, when it is released (the broker then hands the
 * token straight to the waiter). Prints {@code HOLD <acquired µs> <released µs>} per hold.
 */
final class SyncBenchParty {
    private SyncBenchParty() {
    }

    static void main(String[] args) throws Exception {
        BrokerSettings settings = BrokerSettings.defaults().withUri(args[1]).withNamespace(args[2]);
        int turns = Integer.parseInt(args[4]);
        StringBuilder out = new StringBuilder();
        try (Multiprocessing mp = Multiprocessing.connect(settings)) {
            RemoteLock lock = mp.lock(args[3]);
            for (int i = 0; i < turns; i++) {
                lock.acquire();
                long acquired = SyncBench.micros();
                Thread.sleep(5);
                long released = SyncBench.micros();
                lock.release();
                out.append("HOLD ").append(acquired).append(' ').append(released).append('\n');
            }
        }
        System.out.print(out);
        System.out.flush();
    }
}
