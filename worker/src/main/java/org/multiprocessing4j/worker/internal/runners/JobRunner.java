package org.multiprocessing4j.worker.internal.runners;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.worker.internal.job.JobRun;

/**
 * How one kind of job runs (a call, a chunk of calls, a Process class), chosen by {@link #supports}.
 * A runner binds the job's arguments, runs the task in its {@link org.multiprocessing4j.task.CallScope},
 * and returns the result as JSON; what the task raises passes through.
 */
public interface JobRunner {

    boolean supports(JobMessage job);

    JsonNode run(JobRun run) throws Exception;
}
