/**
 * The worker: a process that consumes jobs from the broker and runs the tasks registered on its
 * classpath. Start it with {@code scripts/worker} ({@link org.multiprocessing4j.worker.WorkerMain}),
 * or embed one with {@link org.multiprocessing4j.worker.Worker#start(WorkerConfig)}.
 */
package org.multiprocessing4j.worker;
