package org.multiprocessing4j.bench;

/** echo(payload) against request/reply of the same size, both ways, 2 workers. */
final class PayloadsPhase implements Phase {
    private static final int[] SIZES = {100, 10_000, 1_000_000};

    @Override
    public String id() {
        return "payloads";
    }

    @Override
    public String title(Settings settings) {
        return "payloads of 100 B, 10 KB and 1 MB each way, 2 workers";
    }

    @Override
    public void run(BenchRun run) {
        Settings settings = run.settings();
        String namespace = run.namespace("payloads");
        String queue = run.queue("baseline.payloads");
        run.workers(namespace, 2, Settings.IN_FLIGHT / 2);
        run.roles().responders(2, queue, Settings.IN_FLIGHT / 2, false);
        try (ClientSession baseline = run.baselineClient(queue);
             ClientSession project = run.projectClient(namespace)) {
            for (int bytes : SIZES) {
                int calls = calls(settings, bytes);
                Comparison comparison = run.report().comparison(ThroughputPhase.GROUP, "baseline", "project",
                        "payload " + Report.size(bytes) + " each way (calls/s)", bytes >= 1_000_000 ? "%,.1f" : "%,.0f",
                        Target.atLeast(bytes >= 1_000_000 ? 0.7 : 0.8, "issue 15"));
                // echo with an argument runs other code than noop: each size warms up both sides first, with
                // as many calls as a round: 5 calls of 1 MB left the first measured round at a fifth of the next.
                run.warmUp(ClientSession.THROUGHPUT, calls, bytes, baseline, project);
                for (int round = 1; round <= settings.rounds(); round++) {
                    String size = Report.size(bytes);
                    Result b = baseline.round(ClientSession.THROUGHPUT, calls, bytes, run.progress(), size + " baseline round " + round);
                    Result p = project.round(ClientSession.THROUGHPUT, calls, bytes, run.progress(), size + " project round " + round);
                    comparison.round(b.perSecond(), p.perSecond());
                    run.progress().note(String.format("%s, round %d: baseline %,.1f calls/s, project %,.1f tasks/s (%.2f)",
                            size, round, b.perSecond(), p.perSecond(), p.perSecond() / b.perSecond()));
                }
            }
        }
        run.roles().stopServers();
    }

    /** Fewer calls for bigger payloads, so that each size takes a similar time. */
    private static int calls(Settings settings, int bytes) {
        if (bytes >= 1_000_000) {
            return Math.max(20, settings.tasks() / 100);
        }
        return bytes >= 10_000 ? settings.tasks() / 4 : settings.tasks() / 2;
    }
}
