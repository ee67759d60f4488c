package org.multiprocessing4j.worker.internal.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ProcessFields;
import org.multiprocessing4j.task.CallScope;
import org.multiprocessing4j.task.ProcessTask;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.worker.internal.job.JobRun;

/** A registered Process subclass: a fresh instance built from the job's fields, then {@code run()}. */
final class ProcessClassRunner implements JobRunner {
    private final TaskCatalog catalog;

    ProcessClassRunner(TaskCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean supports(JobMessage job) {
        return job.kind() == JobMessage.Kind.PROCESS_CLASS;
    }

    @Override
    public JsonNode run(JobRun run) throws Exception {
        JobMessage job = run.job();
        TaskCatalog.ProcessClassEntry entry = catalog.processClass(job.task());
        if (entry == null) {
            throw new BadArgumentsException("'" + job.task() + "' is a function task, not a Process class");
        }
        ProcessTask instance = ProcessFields.build(entry.type(), job.fields());
        BoundCall call = new BoundCall(run.id(), job.task(), job.processName(), run.attempt(),
                new Signature.Bound<>(Map.of(), List.of(), Map.of()), run.sharedObjects(), () -> run.stopSignal() != null, run::softLimitWasReached, run);
        CallScope.run(call, () -> {
            instance.run();
            return null;
        });
        return NullNode.getInstance();
    }
}
