package org.multiprocessing4j.worker.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.job.JobStopped;

/**
 * A run someone asked to stop ends as stopped, whether the task returned, raised (usually the
 * InterruptedException its interrupt caused) or ignored the interrupt and finished anyway.
 */
public final class StopHook implements RunHook {

    @Override
    public JsonNode around(JobRun run, Invocation next) throws Exception {
        JsonNode value;
        try {
            value = next.proceed();
        } catch (Exception | Error e) {
            if (run.stopSignal() != null) {
                throw new JobStopped(run);
            }
            throw e;
        }
        if (run.stopSignal() != null) {
            throw new JobStopped(run);
        }
        return value;
    }
}
