package org.multiprocessing4j.bench;

import java.util.Map;

/**
 * Python's tutorial case: a Pool(3) over 5 sleeps of 3 s ends after 6.0 s in CPython (three, then
 * two). Here the pool limit is kept cluster-wide by the producer, so 2 workers of 3 slots each
 * must still run only three at a time and start the 4th the moment one ends.
 */
final class Pool3Phase implements Phase {
    private static final int SLEEPS = 5;
    private static final int SECONDS = 3;

    @Override
    public String id() {
        return "pool3";
    }

    @Override
    public String title(Settings settings) {
        return "Pool(3) over 5 sleeps of 3 s: submit to last result, this project and CPython";
    }

    @Override
    public void run(BenchRun run) {
        Settings settings = run.settings();
        String namespace = run.namespace("pool3");
        run.workers(namespace, 2, 3);
        Figure project = run.report().figure("Pool(3), 5 × 3 s sleeps, submit to last result (s): project",
                "%.2f", Target.within(6.0, 0.2, "issue 15"));
        Figure cpython = run.report().figure("Pool(3), 5 × 3 s sleeps, submit to last result (s): CPython, local",
                "%.2f", null);
        Python python = new Python(settings.python());
        try (ClientSession projectClient = run.projectClient(namespace);
             ClientSession cpythonClient = run.roles().client(python.command("mp4j_bench_pool.py"), python.env(Map.of()),
                     "cpython pool client")) {
            for (int round = 1; round <= settings.rounds(); round++) {
                Result p = projectClient.round(ClientSession.SLEEPS, SLEEPS, SECONDS, run.progress(), "project round " + round);
                Result c = cpythonClient.round(ClientSession.SLEEPS, SLEEPS, SECONDS, run.progress(), "CPython round " + round);
                project.add(1 / p.perSecond());
                cpython.add(1 / c.perSecond());
                run.progress().note(String.format("round %d: project %.2f s, CPython %.2f s", round, 1 / p.perSecond(),
                        1 / c.perSecond()));
            }
        }
        run.roles().stopServers();
    }
}
