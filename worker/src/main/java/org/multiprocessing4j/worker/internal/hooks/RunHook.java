package org.multiprocessing4j.worker.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.worker.internal.job.JobRun;

/**
 * A concern that wraps every run of a task, outside the task's own code: output capture, stop
 * requests, leases today; retries, time limits and metrics are each one more hook. A hook calls
 * {@code next.proceed()} once (or not at all) and returns or throws what the run should end with.
 */
@FunctionalInterface
public interface RunHook {

    JsonNode around(JobRun run, Invocation next) throws Exception;

    /** The rest of the run: the next hook inward, and at the centre the task's runner. */
    @FunctionalInterface
    interface Invocation {
        JsonNode proceed() throws Exception;
    }

    /** {@code hooks} around {@code centre}, the first hook outermost. */
    static Invocation chain(java.util.List<RunHook> hooks, JobRun run, Invocation centre) {
        Invocation next = centre;
        for (int i = hooks.size() - 1; i >= 0; i--) {
            RunHook hook = hooks.get(i);
            Invocation inner = next;
            next = () -> hook.around(run, inner);
        }
        return next;
    }
}
