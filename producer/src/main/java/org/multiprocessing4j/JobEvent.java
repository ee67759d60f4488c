package org.multiprocessing4j;

import java.time.Instant;

/**
 * One step of a job's life, from the events stream: {@code submitted}, {@code started},
 * {@code output}, {@code progress}, {@code retried}, {@code finished}, {@code dead}. Fields that do not
 * apply to a type are null.
 *
 * @param type     what happened
 * @param jobId    the job
 * @param task     its task
 * @param at       when
 * @param worker   the worker's name (null for submitted)
 * @param host     the worker's host
 * @param pid      the worker's pid
 * @param attempt  which run: 1, or more for a retry or a rerun
 * @param line     output: the line printed
 * @param outcome  finished: ok, error, terminated, killed; dead: the reason
 * @param error    finished with an error, retried, dead: {@code type: message}
 * @param elapsedMs finished: how long it ran; retried: the wait before the next attempt
 * @param progress progress: how far it is
 * @param args     submitted: its arguments as JSON, abbreviated
 */
public record JobEvent(String type, String jobId, String task, Instant at, String worker, String host, Long pid,
                       int attempt, String line, String outcome, String error, Long elapsedMs, Progress progress,
                       String args) {

    static JobEvent of(org.multiprocessing4j.internal.wire.JobEvent e) {
        return new JobEvent(e.type(), e.job(), e.task(), Instant.ofEpochMilli(e.at()),
                e.worker() == null ? null : e.worker().name(), e.worker() == null ? null : e.worker().host(),
                e.worker() == null ? null : e.worker().pid(), e.attemptOrFirst(), e.line(), e.outcome(), e.error(),
                e.elapsedMs(), e.done() == null ? null : new Progress(e.done(), e.total()), e.args());
    }

    /** True for the last event of a job: it finished (with any outcome) or went to the dead letters. */
    public boolean ends() {
        return "finished".equals(type) || "dead".equals(type);
    }
}
