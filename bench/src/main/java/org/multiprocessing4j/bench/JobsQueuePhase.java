package org.multiprocessing4j.bench;

import org.multiprocessing4j.connection.JobsQueueType;

/**
 * This project on a quorum jobs queue (the default) against the same on a classic one
 * ({@code --jobs-queue classic}, issue 15): no-op throughput with 100 in flight and sequential p50,
 * on 2 workers each. Both namespaces run side by side and rounds alternate, so a load spike from
 * the machine's other tenants falls on both. Replies use quorum queues either way: only the jobs
 * queue's type differs.
 */
final class JobsQueuePhase implements Phase {
    static final String GROUP = "This project's jobs queue: quorum (default) against classic (--jobs-queue classic)";
    private static final int WORKERS = 2;

    @Override
    public String id() {
        return "jobs-queue";
    }

    @Override
    public String title(Settings settings) {
        return "jobs queue quorum vs classic: throughput (" + WORKERS + " workers, " + Settings.IN_FLIGHT
                + " in flight, " + settings.tasks() + " calls) and sequential p50 (" + settings.sequential() + " calls)";
    }

    @Override
    public void run(BenchRun run) {
        Settings settings = run.settings();
        String quorum = run.namespace("jobsq-quorum");
        String classic = run.namespace("jobsq-classic");
        run.workers(quorum, WORKERS, Settings.IN_FLIGHT / WORKERS);
        run.workers(classic, WORKERS, Settings.IN_FLIGHT / WORKERS, "--jobs-queue", JobsQueueType.CLASSIC.wireName());
        Comparison throughput = run.report().comparison(GROUP, "quorum", "classic",
                "throughput, " + WORKERS + " workers (calls/s)", "%,.0f", null);
        Comparison p50 = run.report().comparison(GROUP, "quorum", "classic", "sequential call, p50 (ms)", "%.2f", null);
        try (ClientSession onQuorum = run.projectClient(quorum, JobsQueueType.QUORUM);
             ClientSession onClassic = run.projectClient(classic, JobsQueueType.CLASSIC)) {
            run.warmUp(ClientSession.THROUGHPUT, settings.tasks(), 0, onQuorum, onClassic);
            run.warmUp(ClientSession.LATENCY, Math.max(100, settings.sequential() / 4), 0, onQuorum, onClassic);
            for (int round = 1; round <= settings.rounds(); round++) {
                // Alternate which goes first: a slow start of the round must not always fall on the same side.
                boolean quorumFirst = round % 2 == 1;
                Result q;
                Result c;
                if (quorumFirst) {
                    q = onQuorum.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "quorum round " + round);
                    c = onClassic.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "classic round " + round);
                } else {
                    c = onClassic.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "classic round " + round);
                    q = onQuorum.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "quorum round " + round);
                }
                Result ql = onQuorum.round(ClientSession.LATENCY, settings.sequential(), 0, run.progress(),
                        "quorum latency round " + round);
                Result cl = onClassic.round(ClientSession.LATENCY, settings.sequential(), 0, run.progress(),
                        "classic latency round " + round);
                throughput.round(q.perSecond(), c.perSecond());
                p50.round(ql.p50Ms(), cl.p50Ms());
                run.progress().note(String.format("round %d: quorum %,.0f calls/s, p50 %.2f ms; classic %,.0f calls/s "
                        + "(%.2f), p50 %.2f ms (%.2f)", round, q.perSecond(), ql.p50Ms(), c.perSecond(),
                        c.perSecond() / q.perSecond(), cl.p50Ms(), cl.p50Ms() / ql.p50Ms()));
            }
        }
        run.roles().stopServers();
    }
}
