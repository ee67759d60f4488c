package org.multiprocessing4j.worker.internal.runners;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.worker.internal.job.JobRun;

/** The runner for each kind of job, over one catalog of tasks. */
public final class Runners {
    private final TaskCatalog catalog;
    private final List<JobRunner> runners;

    public Runners(TaskCatalog catalog) {
        this.catalog = catalog;
        this.runners = List.of(new CallRunner(catalog), new ChunkRunner(catalog), new ProcessClassRunner(catalog));
    }

    /** The runner for this job, or null when no task of its name is registered here. */
    public JobRunner forJob(JobMessage job) {
        if (!catalog.knows(job.task())) {
            return null;
        }
        for (JobRunner runner : runners) {
            if (runner.supports(job)) {
                return runner;
            }
        }
        return null;
    }

    /** Runs a pool's initializer, a registered function task, inside {@code run}; BadArgumentsException if it is not here. */
    public JsonNode runInitializer(String task, List<JsonNode> args, JobRun run) throws Exception {
        if (!catalog.knows(task)) {
            throw new BadArgumentsException("no task named '" + task + "' (the pool's initializer) on this worker; it has: "
                    + String.join(", ", catalog.names()));
        }
        return Calls.call(catalog, task, run, args, Map.of());
    }

    public TaskCatalog catalog() {
        return catalog;
    }
}
