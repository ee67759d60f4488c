package org.multiprocessing4j.worker.internal.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.worker.internal.job.JobRun;

/** Several calls of one task in one job (Python's chunksize); the result is the list of their results. */
final class ChunkRunner implements JobRunner {
    private final TaskCatalog catalog;

    ChunkRunner(TaskCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean supports(JobMessage job) {
        return job.kind() == JobMessage.Kind.CHUNK;
    }

    @Override
    public JsonNode run(JobRun run) throws Exception {
        ArrayNode results = ValueCodec.nodes().arrayNode(run.job().chunk().size());
        for (List<JsonNode> args : run.job().chunk()) {
            if (run.stopSignal() != null) {
                throw new InterruptedException("terminated");
            }
            results.add(Calls.call(catalog, run, args, Map.of()));
        }
        return results;
    }
}
