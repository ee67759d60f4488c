package org.multiprocessing4j.bench;

/**
 * The cost of the events stream (issue 13): no-op throughput with 2 workers and a producer that
 * record every job's life, against 2 workers started with --no-events and a producer with events
 * off, in two namespaces side by side, rounds alternating.
 */
final class EventsPhase implements Phase {
    @Override
    public String id() {
        return "events";
    }

    @Override
    public String title(Settings settings) {
        return "events on vs off (worker --no-events), 2 workers, " + settings.tasks() + " calls per round";
    }

    @Override
    public void run(BenchRun run) {
        Settings settings = run.settings();
        String withEvents = run.namespace("events-on");
        String withoutEvents = run.namespace("events-off");
        run.workers(withEvents, 2, Settings.IN_FLIGHT / 2);
        run.workers(withoutEvents, 2, Settings.IN_FLIGHT / 2, "--no-events");
        Comparison comparison = run.report().comparison("Events stream on vs off (issue 13)", "events off", "events on",
                "no-op throughput, 2 workers (tasks/s)", "%,.0f", Target.atLeast(0.9, "issue 13"));
        try (ClientSession on = run.projectClient(withEvents, true);
             ClientSession off = run.projectClient(withoutEvents, false)) {
            run.warmUp(ClientSession.THROUGHPUT, settings.tasks(), 0, off, on);
            for (int round = 1; round <= settings.rounds(); round++) {
                // Which side goes first alternates: a machine slowing down during a round pair favours neither.
                boolean offFirst = round % 2 == 1;
                Result o = offFirst ? measure(run, off, "events off", round) : null;
                Result e = measure(run, on, "events on", round);
                o = offFirst ? o : measure(run, off, "events off", round);
                comparison.round(o.perSecond(), e.perSecond());
                run.progress().note(String.format("round %d: events off %,.0f tasks/s, on %,.0f tasks/s (%.2f)", round,
                        o.perSecond(), e.perSecond(), e.perSecond() / o.perSecond()));
            }
        }
        run.roles().stopServers();
    }

    private static Result measure(BenchRun run, ClientSession client, String label, int round) {
        return client.round(ClientSession.THROUGHPUT, run.settings().tasks(), 0, run.progress(), label + " round " + round);
    }
}
