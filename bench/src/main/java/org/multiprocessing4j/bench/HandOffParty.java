package org.multiprocessing4j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.sync.RemoteLock;

/**
 * One side of the sync phase's Lock hand-off ({@link LockHandOff}), in a JVM of its own as a worker
 * would be: connected once, then driven over stdin round by round like a bench client, so that its
 * connection and compiled code are warm when a round is measured. Arguments: URI NAMESPACE LOCK.
 *
 * <p>A line {@code N} makes N holds of the lock, each held 5 ms so that the other side is already
 * subscribed and waiting when it is released (the broker then hands the token straight to the
 * waiter: that hand-off is what is measured). It prints {@code HOLD <acquired µs> <released µs>} per
 * hold, then {@code DONE}. An empty line, or the end of its input, ends it.
 */
final class HandOffParty {
    static final String READY = "hand-off party ready";
    static final String HOLD = "HOLD ";
    static final String DONE = "DONE";

    private HandOffParty() {
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings = BrokerSettings.defaults().withUri(args[0]).withNamespace(args[1]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Multiprocessing mp = Multiprocessing.builder().settings(settings).output(OutputSink.discard()).connect()) {
            RemoteLock lock = mp.lock(args[2]);
            System.out.println(READY);
            System.out.flush();
            String line;
            while ((line = commands.readLine()) != null && !line.isBlank()) {
                int turns = Integer.parseInt(line.trim());
                // Printed after the round: writing to stdout while holding would lengthen the holds.
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < turns; i++) {
                    lock.acquire();
                    long acquired = micros();
                    Thread.sleep(5);
                    long released = micros();
                    lock.release();
                    out.append(HOLD).append(acquired).append(' ').append(released).append('\n');
                }
                System.out.print(out.append(DONE).append('\n'));
                System.out.flush();
            }
        }
    }

    /** Wall clock in µs: the two parties' timestamps are compared, and they share one machine's clock. */
    static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
