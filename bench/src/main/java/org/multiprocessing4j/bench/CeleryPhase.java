package org.multiprocessing4j.bench;

import java.util.List;
import java.util.Map;

/**
 * The Celery 5 peer, on the same broker in the same run: Debian's python3-celery, a prefork worker
 * of 2 processes, acks late, a no-op task, results over rpc://, on queue and exchange names of this
 * run (deleted at its end). Against this project with 2 workers: no-op throughput, and one
 * {@code delay().get()} at a time against one {@code Pool.apply} at a time.
 */
final class CeleryPhase implements Phase {
    static final String GROUP = "Celery 5 (prefork, 2 processes, acks late, rpc:// results)";

    @Override
    public String id() {
        return "celery";
    }

    @Override
    public String title(Settings settings) {
        return "the Celery 5 peer: no-op throughput and sequential delay().get(), 2 processes";
    }

    @Override
    public void run(BenchRun run) {
        Settings settings = run.settings();
        Python python = new Python(settings.python());
        String[] why = new String[1];
        String version = python.version("celery", why);
        if (version == null) {
            String skipped = String.format("Celery skipped: %s cannot import celery (%s). Install Debian's python3-celery "
                    + "(`apt-get install python3-celery`; scripts/bench does it when run as root), or pass --python.",
                    python.interpreter(), why[0]);
            run.report().note(skipped);
            run.progress().note(skipped);
            return;
        }
        String queue = run.queue("celery");
        run.exchange(queue);
        run.exchange(queue + ".results");
        Map<String, String> env = python.env(Map.of("MP4J_BENCH_CELERY_BROKER", settings.uri(),
                "MP4J_BENCH_CELERY_QUEUE", queue));
        run.roles().server("celery-worker", python.command("-m", "celery", "-A", "mp4j_bench_celery", "worker",
                "--pool", "prefork", "--concurrency", "2", "--without-gossip", "--without-mingle", "--without-heartbeat",
                "--loglevel", "WARNING", "--queues", queue), env, "celery worker ready");
        String namespace = run.namespace("celery");
        run.workers(namespace, 2, Settings.IN_FLIGHT / 2);
        String group = GROUP.replace("Celery 5", "Celery " + version);
        Comparison throughput = run.report().comparison(group, "Celery", "project", "no-op throughput (tasks/s)", "%,.0f",
                Target.atLeast(10, "issue 15 (expected)"));
        Comparison latency = run.report().comparison(group, "Celery", "project",
                "one at a time, p50 (ms): delay().get() vs Pool.apply", "%.2f", Target.atMost(0.5, "issue 15 (expected)"));
        // Celery does some hundreds of tasks/s here: fewer calls per round keep its rounds short.
        int calls = settings.quick() ? 200 : Math.max(200, settings.tasks() / 4);
        int sequential = settings.quick() ? 100 : Math.max(100, settings.sequential() / 2);
        try (ClientSession celery = run.roles().client(python.command("mp4j_bench_celery.py"), env, "celery client");
             ClientSession project = run.projectClient(namespace)) {
            run.warmUp(ClientSession.THROUGHPUT, calls / 2, 0, celery, project);
            for (int round = 1; round <= settings.rounds(); round++) {
                Result c = celery.round(ClientSession.THROUGHPUT, calls, 0, run.progress(), "Celery round " + round);
                Result p = project.round(ClientSession.THROUGHPUT, settings.tasks(), 0, run.progress(), "project round " + round);
                Result cl = celery.round(ClientSession.LATENCY, sequential, 0, run.progress(), "Celery latency round " + round);
                Result pl = project.round(ClientSession.LATENCY, sequential, 0, run.progress(), "project latency round " + round);
                throughput.round(c.perSecond(), p.perSecond());
                latency.round(cl.p50Ms(), pl.p50Ms());
                run.progress().note(String.format("round %d: Celery %,.0f tasks/s, p50 %.2f ms; project %,.0f tasks/s, "
                        + "p50 %.2f ms", round, c.perSecond(), cl.p50Ms(), p.perSecond(), pl.p50Ms()));
            }
        }
        run.report().note("Celery ran with its defaults otherwise (no publisher confirms on its task messages, which "
                + "favours it); its reply queue is auto-deleted with its client.");
        run.roles().stopServers();
    }
}
