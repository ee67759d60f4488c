package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a job's life, as kept in the events stream ({@code <ns>.events}) for history, logs
 * and the dashboard. Published in batches ({@link EventBatch}); every field but type, job and at
 * is optional.
 *
 * @param type    submitted, started, output, progress, retried, finished, dead
 * @param job     the job id
 * @param task    its task name
 * @param at      epoch milliseconds when it happened
 * @param worker  who (absent for submitted)
 * @param attempt which run (absent: 1)
 * @param seq     output: the line's number within its attempt
 * @param line    output: the line
 * @param outcome finished: ok, error, terminated, killed; dead: the reason
 * @param error   finished with an error, retried, dead: {@code type: message}
 * @param elapsedMs finished: how long it ran
 * @param done    progress: units done
 * @param total   progress: units in all
 * @param args    submitted: its arguments as JSON text, abbreviated
 * @param queue   submitted: its named queue when not the default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobEvent(String type, String job, String task, long at, WorkerRef worker, Integer attempt, Long seq,
                       String line, String outcome, String error, Long elapsedMs, Long done, Long total, String args,
                       String queue) {
    public static final String SUBMITTED = "submitted";
    public static final String STARTED = "started";
    public static final String OUTPUT = "output";
    public static final String PROGRESS = "progress";
    public static final String RETRIED = "retried";
    public static final String FINISHED = "finished";
    public static final String DEAD = "dead";

    public static JobEvent submitted(String job, String task, String args, String queue) {
        return new JobEvent(SUBMITTED, job, task, System.currentTimeMillis(), null, null, null, null, null, null, null,
                null, null, args, queue);
    }

    public static JobEvent started(String job, String task, WorkerRef worker, int attempt) {
        return new JobEvent(STARTED, job, task, System.currentTimeMillis(), worker, attempt(attempt), null, null, null,
                null, null, null, null, null, null);
    }

    public static JobEvent output(String job, String task, WorkerRef worker, int attempt, long seq, String line) {
        return new JobEvent(OUTPUT, job, task, System.currentTimeMillis(), worker, attempt(attempt), seq, line, null,
                null, null, null, null, null, null);
    }

    public static JobEvent progress(String job, String task, WorkerRef worker, int attempt, long done, long total) {
        return new JobEvent(PROGRESS, job, task, System.currentTimeMillis(), worker, attempt(attempt), null, null, null,
                null, null, done, total, null, null);
    }

    public static JobEvent retried(String job, String task, WorkerRef worker, int attempt, String error, long delayMs) {
        return new JobEvent(RETRIED, job, task, System.currentTimeMillis(), worker, attempt(attempt), null, null, null,
                error, delayMs, null, null, null, null);
    }

    public static JobEvent finished(String job, String task, WorkerRef worker, int attempt, String outcome, String error,
                                    long elapsedMs) {
        return new JobEvent(FINISHED, job, task, System.currentTimeMillis(), worker, attempt(attempt), null, null, outcome,
                error, elapsedMs, null, null, null, null);
    }

    public static JobEvent dead(String job, String task, WorkerRef worker, String reason, String error) {
        return new JobEvent(DEAD, job, task, System.currentTimeMillis(), worker, null, null, null, reason, error, null,
                null, null, null, null);
    }

    public int attemptOrFirst() {
        return attempt == null ? 1 : attempt;
    }

    private static Integer attempt(int attempt) {
        return attempt <= 1 ? null : attempt;
    }
}
