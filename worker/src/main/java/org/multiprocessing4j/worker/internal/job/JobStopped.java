package org.multiprocessing4j.worker.internal.job;

/**
 * The run ended because a stop (terminate or kill) was asked for, whatever the task itself did
 * with its interrupt: the job's outcome is "terminated" or "killed", never its value or error.
 */
public final class JobStopped extends Exception {
    public JobStopped(JobRun run) {
        super(run + " stopped: " + run.stopSignal(), null, false, false);
    }
}
