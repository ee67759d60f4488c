package org.multiprocessing4j.worker.internal.runners;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.worker.internal.job.JobRun;

/** A function task called once: {@code apply_async}, a process started with a target. */
final class CallRunner implements JobRunner {
    private final TaskCatalog catalog;

    CallRunner(TaskCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean supports(JobMessage job) {
        return job.kind() == JobMessage.Kind.CALL;
    }

    @Override
    public JsonNode run(JobRun run) throws Exception {
        return Calls.call(catalog, run, run.job().args(), run.job().kwargs());
    }
}
