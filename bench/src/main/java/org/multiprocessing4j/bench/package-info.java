/**
 * The end-to-end benchmark, {@code scripts/bench}: {@link org.multiprocessing4j.bench.Bench} runs the
 * selected {@link org.multiprocessing4j.bench.Phase}s (listed in {@link org.multiprocessing4j.bench.Phases}),
 * each against its reference (plain amqp-client request/reply, Celery 5, CPython's Pool) in the same
 * run on the same broker. Every role is a process of its own (workers, baseline responders, peers'
 * workers, clients driven over stdin by {@link org.multiprocessing4j.bench.ClientSession}); the
 * {@link org.multiprocessing4j.bench.Report} renders medians, per-round ratio spreads and targets.
 * To add rows, write one Phase and list it in Phases.
 */
package org.multiprocessing4j.bench;
