package org.multiprocessing4j.worker.internal.runners;

import java.util.List;
import org.multiprocessing4j.internal.wire.JobMessage;

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

    public TaskCatalog catalog() {
        return catalog;
    }
}
