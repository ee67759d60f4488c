package org.multiprocessing4j;

import org.multiprocessing4j.internal.client.JobHandle;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.WorkerRef;

/**
 * One line a task printed on a worker, as it reaches the producer.
 *
 * @param jobId       the job that printed it
 * @param task        its task name
 * @param processName the process name when started as a process ({@code Process-1}), else null
 * @param worker      the worker's name
 * @param host        the worker's host
 * @param pid         the worker's OS process id: never this producer's
 * @param text        the line, without its line terminator
 * @param attempt     the run that printed it: 1, or more for a retry or a rerun after a worker was lost
 *                    (lines of a newer run come after those of the older one, never mixed with them)
 */
public record OutputLine(String jobId, String task, String processName, String worker, String host, long pid,
                         String text, int attempt) {

    static OutputLine of(JobHandle job, OutputReply line) {
        WorkerRef worker = line.worker() != null ? line.worker() : new WorkerRef("?", "?", -1);
        return new OutputLine(job.id(), job.task(), job.processName(), worker.name(), worker.host(), worker.pid(),
                line.line(), line.attemptOrFirst());
    }
}
