package org.multiprocessing4j.dashboard;

import org.multiprocessing4j.JobEvent;

/**
 * One job as the page shows it, folded from its events: what it runs, where, since when, how it
 * ended. Immutable; each event makes a new one. Times are epoch milliseconds (null: not yet).
 *
 * @param state waiting, running, retrying, finished or dead
 */
record JobView(String id, String task, String args, String state, String worker, String host, Long pid,
               int attempt, long submittedAt, Long startedAt, Long endedAt, String outcome, String error,
               Long done, Long total, Long elapsedMs) {

    /** A job first seen through {@code event} (usually its submission; older ones started before the window). */
    static JobView first(JobEvent event) {
        return new JobView(event.jobId(), event.task(), "", "waiting", null, null, null, event.attempt(),
                event.at().toEpochMilli(), null, null, null, null, null, null, null).with(event);
    }

    /** This job after {@code event}; the events of one job arrive in order from the stream. */
    JobView with(JobEvent e) {
        long at = e.at().toEpochMilli();
        return switch (e.type()) {
            case "submitted" -> new JobView(id, task, e.args() == null ? "" : e.args(), state, worker, host, pid,
                    attempt, at, startedAt, endedAt, outcome, error, done, total, elapsedMs);
            case "started" -> new JobView(id, task, args, "running", e.worker(), e.host(), e.pid(), e.attempt(),
                    submittedAt, at, null, null, error, done, total, null);
            case "progress" -> e.progress() == null ? this : new JobView(id, task, args, state, worker, host, pid,
                    attempt, submittedAt, startedAt, endedAt, outcome, error, e.progress().done(), e.progress().total(),
                    elapsedMs);
            case "retried" -> new JobView(id, task, args, "retrying", worker, host, pid, e.attempt(), submittedAt,
                    startedAt, null, null, e.error(), done, total, null);
            case "finished" -> new JobView(id, task, args, "finished", worker != null ? worker : e.worker(),
                    host != null ? host : e.host(), pid != null ? pid : e.pid(), e.attempt(), submittedAt, startedAt, at,
                    e.outcome(), e.error(), done, total, e.elapsedMs());
            case "dead" -> new JobView(id, task, args, "dead", worker, host, pid, attempt, submittedAt, startedAt,
                    at, e.outcome(), e.error(), done, total, elapsedMs);
            default -> this; // output lines are read by whoever opens the job's output; new types are ignored
        };
    }

    boolean running() {
        return "running".equals(state);
    }

    boolean ended() {
        return endedAt != null;
    }

    /** Failed for the rates: ended with an error, or went to the dead letters. */
    boolean failed() {
        return "dead".equals(state) || "error".equals(outcome);
    }

    boolean matches(String text) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return id.toLowerCase(java.util.Locale.ROOT).contains(needle)
                || (task != null && task.toLowerCase(java.util.Locale.ROOT).contains(needle))
                || (worker != null && worker.toLowerCase(java.util.Locale.ROOT).contains(needle))
                || (outcome != null && outcome.toLowerCase(java.util.Locale.ROOT).contains(needle));
    }
}
