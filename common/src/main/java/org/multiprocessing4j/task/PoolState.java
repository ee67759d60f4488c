package org.multiprocessing4j.task;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a pool's initializer left for that pool's tasks on one worker: Python's module globals set
 * by {@code Pool(initializer=...)}. The initializer puts values, the pool's later tasks on the same
 * worker read them:
 *
 * <pre>{@code
 * tasks.task("init", Signature.of("greeting"), call -> {
 *     call.poolState().put("greeting", call.string("greeting"));
 *     return null;
 * });
 * tasks.task("greet", Signature.of("name"), call -> call.poolState().get("greeting") + ", " + call.string("name"));
 * }</pre>
 *
 * <p>One state per pool and worker, shared by that pool's tasks running there at once; each
 * {@code maxtasksperchild} jobs a fresh state replaces it (its {@link #generation()} grows) and the
 * initializer runs again, as Python replaces a pool's worker process. Thread-safe.
 */
public final class PoolState {
    private static final InheritableThreadLocal<PoolState> CURRENT = new InheritableThreadLocal<>();

    private final String poolId;
    private final int generation;
    private final Map<String, Object> values = new ConcurrentHashMap<>();

    public PoolState(String poolId, int generation) {
        this.poolId = Objects.requireNonNull(poolId, "poolId");
        this.generation = generation;
    }

    /** The pool this state belongs to (unique per Pool object). */
    public String poolId() {
        return poolId;
    }

    /** 1 for the first initializer run of this pool on this worker, 2 after maxtasksperchild jobs, ... */
    public int generation() {
        return generation;
    }

    /** Sets a value (null removes it). */
    public void put(String name, Object value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    /** The value the initializer put, or null. */
    public Object get(String name) {
        return values.get(name);
    }

    public <T> T get(String name, Class<T> type) {
        return type.cast(values.get(name));
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The state of the pool whose task runs on this thread (or a thread it started). */
    static PoolState current() {
        PoolState state = CURRENT.get();
        if (state == null) {
            throw new IllegalStateException("no pool state here: only the tasks (and initializer) of a pool made "
                    + "with an initializer or maxtasksperchild have one (mp.poolBuilder().initializer(...))");
        }
        return state;
    }

    /** Runs {@code body} with {@code state} as the current pool state; for the worker, and for unit tests. */
    public static <T> T runIn(PoolState state, Callable<T> body) throws Exception {
        PoolState previous = CURRENT.get();
        CURRENT.set(state);
        try {
            return body.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Override
    public String toString() {
        return "PoolState[" + poolId + " #" + generation + ", " + values.keySet() + "]";
    }
}
