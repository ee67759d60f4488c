package org.multiprocessing4j.bench;

/**
 * One part of the benchmark (throughput, latency, a peer...): starts what it needs through the
 * {@link BenchRun}, runs its rounds, and adds its comparisons and figures to the run's report.
 *
 * <p>The extension point for new rows: write one class implementing this (see
 * {@link Pool3Phase} for a small one) and add it to {@link Phases#ALL}; {@code scripts/bench --only ID}
 * then runs it alone. Everything a phase starts through the run (workers, clients, namespaces) is
 * stopped and deleted by the run, also when the phase fails.
 */
interface Phase {
    /** Short name for {@code --only} and {@code --skip}, e.g. {@code celery}. */
    String id();

    /** What the progress line says while it runs. */
    String title(Settings settings);

    void run(BenchRun run) throws Exception;
}
