package org.multiprocessing4j.bench;

import org.HdrHistogram.Histogram;

/**
 * Issue 11's Lock row: the Lock's costs, each beside a plain amqp-client figure taken in the same
 * round, so the table reads what the Lock adds to the broker's own round trip. No target is set
 * by the issue: the rows are reported.
 * <ul>
 *   <li>uncontended: one handle acquires and releases a free Lock (per second, p50), against one
 *       broker round trip (a passive queue.declare); both measured in the bench's own JVM;</li>
 *   <li>hand-off: two worker-like JVMs take turns on one Lock, the time from one's release to the
 *       other's acquire (p50, p99), against a plain publish-to-delivery hop between two connections.</li>
 * </ul>
 */
final class SyncPhase implements Phase {
    static final String GROUP = "Lock (issue 11) beside a plain amqp-client on the same broker";

    @Override
    public String id() {
        return "sync";
    }

    @Override
    public String title(Settings settings) {
        return String.format("Lock: %,d uncontended acquire+release, and two JVMs taking %,d turns each, per round",
                settings.sequential(), turns(settings));
    }

    /** Holds per party and round: each is held 5 ms, so a quarter of the latency round's calls keeps it short. */
    private static int turns(Settings settings) {
        return Math.max(50, settings.sequential() / 4);
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Settings settings = run.settings();
        String namespace = run.namespace("sync");
        String plain = "plain amqp-client";
        Comparison perSecond = run.report().comparison(GROUP, plain, "Lock",
                "uncontended acquire+release vs a round trip (passive queue.declare), per second", "%,.0f", null);
        Comparison p50 = run.report().comparison(GROUP, plain, "Lock",
                "uncontended acquire+release vs a round trip, p50 (ms)", "%.2f", null);
        Comparison handOffP50 = run.report().comparison(GROUP, plain, "Lock",
                "hand-off between two JVMs vs a publish→delivery hop between two connections, p50 (ms)", "%.2f", null);
        Comparison handOffP99 = run.report().comparison(GROUP, plain, "Lock",
                "hand-off between two JVMs vs a publish→delivery hop between two connections, p99 (ms)", "%.2f", null);
        int cycles = settings.sequential();
        int turns = turns(settings);
        try (PlainTimings baseline = new PlainTimings(settings.uri());
             UncontendedLock lock = new UncontendedLock(settings.uri(), namespace)) {
            LockHandOff handOff = new LockHandOff(run, namespace, "hand-off");
            // Untimed first: the connections, the parties' JVMs and this one compile their hot paths.
            baseline.round(Math.max(100, cycles / 4));
            lock.round(Math.max(100, cycles / 4));
            handOff.round(Math.max(20, turns / 4), run.progress(), "warm-up");
            for (int round = 1; round <= settings.rounds(); round++) {
                PlainTimings.Figures b = baseline.round(cycles);
                UncontendedLock.Figures u = lock.round(cycles);
                Histogram h = handOff.round(turns, run.progress(), "hand-off round " + round);
                double hP50 = h.getValueAtPercentile(50) / 1000.0;
                double hP99 = h.getValueAtPercentile(99) / 1000.0;
                perSecond.round(b.roundTripsPerSecond(), u.perSecond());
                p50.round(b.roundTripP50Ms(), u.p50Ms());
                handOffP50.round(b.hopP50Ms(), hP50);
                handOffP99.round(b.hopP99Ms(), hP99);
                run.progress().note(String.format("round %d: uncontended %,.0f/s p50 %.2f ms (round trip %.2f ms); "
                        + "hand-off p50 %.2f ms, p99 %.2f ms (%d; hop p50 %.2f ms, p99 %.2f ms)", round, u.perSecond(),
                        u.p50Ms(), b.roundTripP50Ms(), hP50, hP99, h.getTotalCount(), b.hopP50Ms(), b.hopP99Ms()));
            }
        } finally {
            run.roles().stopServers();
        }
        run.report().note("Lock: hand-off latency is read off the two parties' timestamps on this machine's clock; "
                + "each hold lasts 5 ms so that the other party is waiting when it is released.");
    }
}
