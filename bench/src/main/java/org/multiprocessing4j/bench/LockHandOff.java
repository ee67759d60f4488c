package org.multiprocessing4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.multiprocessing4j.testkit.ChildProcess;

/**
 * The Lock's hand-off between two processes: two {@link HandOffParty} JVMs (separate processes and
 * connections, as two workers) take turns on one lock; a hand-off is the time from one party's
 * release to the other's acquire, read off both parties' hold timestamps (one machine's wall clock).
 * The parties are started through the run's {@link Roles}, so the run stops them, also on failure.
 */
final class LockHandOff {
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(10);
    private final List<ChildProcess> parties = new ArrayList<>();

    LockHandOff(BenchRun run, String namespace, String lock) {
        for (String party : List.of("a", "b")) {
            parties.add(run.roles().server("hand-off party " + party, HandOffParty.class,
                    List.of(run.settings().uri(), namespace, lock), HandOffParty.READY));
        }
    }

    /** Both parties make {@code turns} holds each, started together; the hand-offs between them, in µs. */
    Histogram round(int turns, Progress progress, String label) {
        List<Integer> before = parties.stream().map(party -> party.stdout().size()).toList();
        parties.forEach(party -> party.send(String.valueOf(turns)));
        long started = System.nanoTime();
        List<long[]> holds = new ArrayList<>(); // {acquired, released, party}
        for (int p = 0; p < parties.size(); p++) {
            List<String> lines = awaitDone(parties.get(p), before.get(p), started, progress, label);
            for (String line : lines) {
                if (line.startsWith(HandOffParty.HOLD)) {
                    String[] fields = line.split(" ");
                    holds.add(new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2]), p});
                }
            }
        }
        holds.sort((x, y) -> Long.compare(x[0], y[0]));
        Histogram handOffs = new Histogram(3);
        for (int i = 1; i < holds.size(); i++) {
            // Only a hold that follows the other party's is a hand-off: at a round's start and end one
            // party may hold twice in a row while the other is not waiting yet, or is done.
            if (holds.get(i)[2] != holds.get(i - 1)[2]) {
                handOffs.recordValue(Math.max(0, holds.get(i)[0] - holds.get(i - 1)[1]));
            }
        }
        if (handOffs.getTotalCount() == 0) {
            throw new IllegalStateException(label + ": the parties never took turns");
        }
        return handOffs;
    }

    /** The party's lines of this round, once it printed DONE. */
    private static List<String> awaitDone(ChildProcess party, int from, long started, Progress progress, String label) {
        while (true) {
            List<String> lines = party.stdout();
            List<String> round = lines.subList(Math.min(from, lines.size()), lines.size());
            if (round.contains(HandOffParty.DONE)) {
                return round;
            }
            if (!party.isAlive()) {
                throw new IllegalStateException(label + ": " + party.name() + " ended:\n" + party.describe());
            }
            long elapsed = System.nanoTime() - started;
            if (elapsed > ROUND_LIMIT.toNanos()) {
                throw new IllegalStateException(label + ": " + party.name() + " did not finish:\n" + party.describe());
            }
            progress.tick(String.format("%s: running %.0f s", label, elapsed / 1e9));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
