package org.multiprocessing4j.bench;

/**
 * No-op calls, 100 in flight, with 1, 2 and 4 worker processes against as many baseline
 * responders; with 2, also the baseline on quorum queues (the type of this project's jobs and reply queues),
 * to show what that choice costs by itself.
 */
final class ThroughputPhase implements Phase {
    static final String GROUP = "Against plain amqp-client request/reply (the baseline)";

    @Override
    public String id() {
        return "throughput";
    }

    @Override
    public String title(Settings settings) {
        return "throughput with " + settings.workers() + " worker processes, " + Settings.IN_FLIGHT + " in flight, "
                + settings.tasks() + " calls per round";
    }

    @Override
    public void run(BenchRun run) {
        for (int workers : run.settings().workers()) {
            measure(run, workers);
        }
    }

    private static void measure(BenchRun run, int workers) {
        Settings settings = run.settings();
        String namespace = run.namespace("w" + workers);
        String classic = run.queue("baseline.w" + workers);
        String quorum = run.queue("baseline.quorum.w" + workers);
        boolean withQuorum = workers == 2;
        run.workers(namespace, workers, Settings.IN_FLIGHT / workers);
        run.roles().responders(workers, classic, Settings.IN_FLIGHT / workers, false);
        if (withQuorum) {
            run.roles().responders(workers, quorum, Settings.IN_FLIGHT / workers, true);
        }
        String measure = String.format("no-op throughput, %d worker%s (calls/s)", workers, workers > 1 ? "s" : "");
        Comparison comparison = run.report().comparison(GROUP, "baseline", "project", measure, "%,.0f",
                Target.atLeast(workers >= 4 ? 0.75 : 0.85, "issue 15"));
        Comparison onQuorum = withQuorum ? run.report().comparison(QuorumNote.GROUP, "baseline, classic",
                "baseline, quorum", "throughput, 2 workers (calls/s)", "%,.0f", null) : null;
        Comparison projectOnQuorum = withQuorum ? run.report().comparison(QuorumNote.PROJECT_GROUP, "baseline, quorum",
                "project", "throughput, 2 workers (calls/s)", "%,.0f", null) : null;
        try (ClientSession baseline = run.baselineClient(classic);
             ClientSession project = run.projectClient(namespace);
             ClientSession quorumBaseline = withQuorum ? run.quorumBaselineClient(quorum) : null) {
            run.warmUp(ClientSession.THROUGHPUT, settings.tasks(), 0, baseline, project, quorumBaseline);
            for (int round = 1; round <= settings.rounds(); round++) {
                Result b = baseline.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "baseline round " + round);
                Result p = project.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "project round " + round);
                comparison.round(b.perSecond(), p.perSecond());
                String note = "";
                if (quorumBaseline != null) {
                    Result q = quorumBaseline.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(),
                            "quorum baseline round " + round);
                    onQuorum.round(b.perSecond(), q.perSecond());
                    projectOnQuorum.round(q.perSecond(), p.perSecond());
                    note = String.format(", baseline on quorum queues %,.0f calls/s", q.perSecond());
                }
                run.progress().note(String.format("%d worker(s), round %d: baseline %,.0f calls/s, project %,.0f tasks/s "
                        + "(%.2f)%s", workers, round, b.perSecond(), p.perSecond(), p.perSecond() / b.perSecond(), note));
            }
        }
        run.roles().stopServers();
    }
}
