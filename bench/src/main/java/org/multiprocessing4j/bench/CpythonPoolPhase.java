package org.multiprocessing4j.bench;

import java.util.Map;

/**
 * CPython's local multiprocessing.Pool(2): no broker, no network, no persistence, the ceiling a
 * distributed pool can only approach. Against this project with 2 workers.
 */
final class CpythonPoolPhase implements Phase {
    static final String GROUP = "CPython multiprocessing.Pool(2), local: the no-network ceiling";

    @Override
    public String id() {
        return "pool2";
    }

    @Override
    public String title(Settings settings) {
        return "CPython's local multiprocessing.Pool(2): no-op throughput and apply() one at a time";
    }

    @Override
    public void run(BenchRun run) {
        Settings settings = run.settings();
        Python python = new Python(settings.python());
        String namespace = run.namespace("pool2");
        run.workers(namespace, 2, Settings.IN_FLIGHT / 2);
        Comparison throughput = run.report().comparison(GROUP, "CPython Pool(2)", "project", "no-op throughput (tasks/s)",
                "%,.0f", null);
        Comparison latency = run.report().comparison(GROUP, "CPython Pool(2)", "project",
                "one at a time, p50 (ms): apply vs Pool.apply", "%.3f", null);
        try (ClientSession cpython = run.roles().client(python.command("mp4j_bench_pool.py"), python.env(Map.of()),
                "cpython pool client");
             ClientSession project = run.projectClient(namespace)) {
            run.warmUp(ClientSession.THROUGHPUT, settings.tasks(), 0, cpython, project);
            for (int round = 1; round <= settings.rounds(); round++) {
                Result c = cpython.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "CPython round " + round);
                Result p = project.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "project round " + round);
                Result cl = cpython.round(ClientSession.LATENCY, settings.sequential(), 0, run.progress(),
                        "CPython latency round " + round);
                Result pl = project.round(ClientSession.LATENCY, settings.sequential(), 0, run.progress(),
                        "project latency round " + round);
                throughput.round(c.perSecond(), p.perSecond());
                latency.round(cl.p50Ms(), pl.p50Ms());
                run.progress().note(String.format("round %d: CPython Pool(2) %,.0f tasks/s, p50 %.3f ms; project %,.0f "
                        + "tasks/s, p50 %.2f ms", round, c.perSecond(), cl.p50Ms(), p.perSecond(), pl.p50Ms()));
            }
        }
        run.roles().stopServers();
    }
}
