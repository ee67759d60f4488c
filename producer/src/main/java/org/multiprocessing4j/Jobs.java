package org.multiprocessing4j;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ProcessFields;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.task.ProcessTask;

/** Builds job messages; encoding happens here, so a value that cannot travel fails at the call site. */
final class Jobs {
    private Jobs() {
    }

    static JobMessage call(Call call, String processName) {
        return JobMessage.call(ClientCore.newJobId(), call.task(), WireCodec.toJsonList(call.args()),
                WireCodec.toJsonMap(call.kwargs()), processName, System.currentTimeMillis());
    }

    /** Several calls of one task in one job (Python's chunksize). */
    static JobMessage chunk(String task, List<? extends List<?>> argLists) {
        List<List<JsonNode>> calls = new ArrayList<>(argLists.size());
        for (List<?> args : argLists) {
            calls.add(WireCodec.toJsonList(args));
        }
        return JobMessage.chunk(ClientCore.newJobId(), task, calls, System.currentTimeMillis());
    }

    static JobMessage processClass(String registeredName, java.util.Map<String, ?> fields, String processName) {
        return JobMessage.processClass(ClientCore.newJobId(), registeredName, WireCodec.toJsonMap(fields), processName,
                System.currentTimeMillis());
    }

    static JobMessage processInstance(ProcessTask instance, String processName) {
        @SuppressWarnings("unchecked")
        Class<? extends ProcessTask> type = instance.getClass();
        return JobMessage.processClass(ClientCore.newJobId(), ProcessTask.registeredName(type),
                ProcessFields.of(instance), processName, System.currentTimeMillis());
    }
}
