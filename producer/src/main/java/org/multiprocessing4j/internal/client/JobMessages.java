package org.multiprocessing4j.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.JobOptions;
import org.multiprocessing4j.internal.wire.ProcessFields;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.ProcessTask;

/** Builds job messages; encoding happens here, so a value that cannot travel fails at the call site. */
public final class JobMessages {
    private JobMessages() {
    }

    /**
     * One call; a typed call's arguments are written as their declared types (POJOs allowed). Its
     * options are the call's, then the pool's ({@code defaults}), then those declared with its task.
     */
    public static JobMessage call(Call<?> call, String processName, CallOptions defaults) {
        List<JsonNode> args = new ArrayList<>(call.args().size());
        for (int i = 0; i < call.args().size(); i++) {
            args.add(ValueCodec.toJson(call.args().get(i), call.argType(i)));
        }
        CallOptions options = call.options().orElse(defaults).orElse(call.declaredOptions());
        return JobMessage.call(ClientCore.newJobId(), call.task(), args, ValueCodec.toJsonMap(call.kwargs()),
                processName, System.currentTimeMillis()).withOptions(JobOptions.of(options));
    }

    /** Several calls of one task in one job (Python's chunksize). */
    public static JobMessage chunk(TaskRef<?> task, List<? extends List<?>> argLists) {
        List<List<JsonNode>> calls = new ArrayList<>(argLists.size());
        for (List<?> args : argLists) {
            calls.add(task.encode(args));
        }
        return JobMessage.chunk(ClientCore.newJobId(), task.name(), calls, System.currentTimeMillis())
                .withOptions(JobOptions.of(task.options()));
    }

    /** One call of a map: a chunk of one is sent as a plain call (the same message as apply). */
    public static JobMessage mapped(TaskRef<?> task, List<? extends List<?>> argLists) {
        if (argLists.size() == 1) {
            return JobMessage.call(ClientCore.newJobId(), task.name(), task.encode(argLists.get(0)), Map.of(), null,
                    System.currentTimeMillis()).withOptions(JobOptions.of(task.options()));
        }
        return chunk(task, argLists);
    }

    public static JobMessage processClass(String registeredName, Map<String, ?> fields, String processName) {
        return JobMessage.processClass(ClientCore.newJobId(), registeredName, ValueCodec.toJsonMap(fields), processName,
                System.currentTimeMillis());
    }

    public static JobMessage processInstance(ProcessTask instance, String processName) {
        return JobMessage.processClass(ClientCore.newJobId(), ProcessTask.registeredName(instance.getClass()),
                ProcessFields.of(instance), processName, System.currentTimeMillis());
    }
}
