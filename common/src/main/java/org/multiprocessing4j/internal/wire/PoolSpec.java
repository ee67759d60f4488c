package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a worker needs to give a pool's tasks their per-pool state, carried in every job of a pool
 * made with an initializer or maxtasksperchild (JobOptions {@code pool}).
 *
 * @param id               the pool's unique id: state is kept per pool and worker
 * @param initializer      registered task run before the pool's first task on a worker; absent: none
 * @param initargs         its positional arguments; absent: none
 * @param maxtasksperchild after this many of the pool's jobs on a worker its state is dropped and the
 *                         initializer runs again; absent: never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolSpec(String id, String initializer, List<JsonNode> initargs, Integer maxtasksperchild) {

    public List<JsonNode> initargsOrEmpty() {
        return initargs == null ? List.of() : initargs;
    }
}
