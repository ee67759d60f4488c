package org.multiprocessing4j.worker.internal.runners;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.task.CallScope;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.worker.internal.job.JobRun;

/** One call of a function task: bind the arguments, run it in its scope, write its result. Shared by call and chunk runners. */
final class Calls {
    private Calls() {
    }

    static JsonNode call(TaskCatalog catalog, JobRun run, List<JsonNode> args, Map<String, JsonNode> kwargs)
            throws Exception {
        return call(catalog, run.job().task(), run, args, kwargs);
    }

    /** A call of {@code task} within {@code run} (a pool's initializer runs in its first job's run). */
    static JsonNode call(TaskCatalog catalog, String task, JobRun run, List<JsonNode> args, Map<String, JsonNode> kwargs)
            throws Exception {
        TaskCatalog.FunctionEntry entry = catalog.function(task);
        if (entry == null) {
            throw new BadArgumentsException("'" + task + "' is a Process class: start it as a process with "
                    + "its fields, not as a function with arguments");
        }
        Signature.Bound<JsonNode> bound;
        try {
            bound = entry.signature().bind(task, args, kwargs, ValueCodec::toJsonTrusted);
        } catch (Signature.BindingException e) {
            throw new BadArgumentsException(e.getMessage());
        }
        BoundCall call = new BoundCall(run.id(), task, run.job().processName(), run.attempt(), bound,
                run.sharedObjects(), () -> run.stopSignal() != null, run::softLimitWasReached, run);
        Object value = CallScope.run(call, () -> entry.task().run(call));
        return ValueCodec.toJson(value, entry.result());
    }
}
