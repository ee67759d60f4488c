package org.multiprocessing4j.bench;

/** One call at a time: baseline request/reply against sequential Pool.apply, and the baseline on quorum queues. */
final class LatencyPhase implements Phase {
    @Override
    public String id() {
        return "latency";
    }

    @Override
    public String title(Settings settings) {
        return "latency, one call at a time, " + settings.sequential() + " calls per round";
    }

    @Override
    public void run(BenchRun run) {
        Settings settings = run.settings();
        String namespace = run.namespace("latency");
        String classic = run.queue("baseline.latency");
        String quorum = run.queue("baseline.quorum.latency");
        run.workers(namespace, 1, 1);
        run.roles().responders(1, classic, 1, false);
        run.roles().responders(1, quorum, 1, true);
        String group = ThroughputPhase.GROUP;
        Comparison p50 = run.report().comparison(group, "baseline", "project", "sequential call, p50 (ms)", "%.2f",
                Target.atMost(1.25, "issue 15"));
        Comparison p99 = run.report().comparison(group, "baseline", "project", "sequential call, p99 (ms)", "%.2f",
                Target.atMost(1.5, "issue 15"));
        Comparison quorumP50 = run.report().comparison(QuorumNote.GROUP, "baseline, classic", "baseline, quorum",
                "sequential call, p50 (ms)", "%.2f", null);
        Comparison projectOnQuorum = run.report().comparison(QuorumNote.PROJECT_GROUP, "baseline, quorum", "project",
                "sequential call, p50 (ms)", "%.2f", null);
        try (ClientSession baseline = run.baselineClient(classic);
             ClientSession project = run.projectClient(namespace);
             ClientSession quorumBaseline = run.quorumBaselineClient(quorum)) {
            // Shorter: one at a time, the round trip through the broker dominates, not compiled code.
            run.warmUp(ClientSession.LATENCY, Math.max(100, settings.sequential() / 4), 0, baseline, project, quorumBaseline);
            for (int round = 1; round <= settings.rounds(); round++) {
                Result b = baseline.round(ClientSession.LATENCY, settings.sequential(), 0, run.progress(), "baseline round " + round);
                Result p = project.round(ClientSession.LATENCY, settings.sequential(), 0, run.progress(), "project round " + round);
                Result q = quorumBaseline.round(ClientSession.LATENCY, settings.sequential(), 0, run.progress(),
                        "quorum baseline round " + round);
                p50.round(b.p50Ms(), p.p50Ms());
                p99.round(b.p99Ms(), p.p99Ms());
                quorumP50.round(b.p50Ms(), q.p50Ms());
                projectOnQuorum.round(q.p50Ms(), p.p50Ms());
                run.progress().note(String.format("round %d: p50 baseline %.2f ms, project %.2f ms (%.2f), baseline on "
                        + "quorum queues %.2f ms", round, b.p50Ms(), p.p50Ms(), p.p50Ms() / b.p50Ms(), q.p50Ms()));
            }
        }
        run.roles().stopServers();
    }
}
