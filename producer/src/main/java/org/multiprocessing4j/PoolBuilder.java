package org.multiprocessing4j;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.multiprocessing4j.internal.wire.PoolSpec;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;

/**
 * Python's {@code Pool(processes, initializer, initargs, maxtasksperchild)}, one option at a time:
 *
 * <pre>{@code
 * Pool pool = mp.poolBuilder()
 *         .processes(4)
 *         .initializer("init_greeting", "hello")   // a registered task, with its initargs
 *         .maxtasksperchild(10)
 *         .build();
 * }</pre>
 *
 * <p>The initializer runs on a worker before the first task of this pool that worker runs, and
 * again after every {@code maxtasksperchild} of them; what it puts in
 * {@link org.multiprocessing4j.task.TaskCall#poolState()} the pool's tasks on that worker read.
 * It runs inside that first task's run: its prints are that task's output, and if it raises,
 * that task fails with its exception (and the next task tries it again; CPython would restart
 * its worker process forever). Values are validated when set.
 */
public final class PoolBuilder {
    /** Makes the pool this builder describes; handed in so the builder does not depend on the entry point. */
    @FunctionalInterface
    interface PoolMaker {
        Pool newPool(int processes, CallOptions defaults, PoolSpec spec);
    }

    private final PoolMaker poolMaker;
    private int processes;
    private CallOptions defaults = CallOptions.defaults();
    private String initializer;
    private List<JsonNode> initargs = List.of();
    private Integer maxtasksperchild;

    PoolBuilder(PoolMaker poolMaker) {
        this.poolMaker = poolMaker;
    }

    /** At most this many of the pool's tasks run at once; 0 (the default) for no limit. */
    public PoolBuilder processes(int processes) {
        if (processes < 0) {
            throw new IllegalArgumentException("processes must be at least 1 (or 0 for no limit), got " + processes);
        }
        this.processes = processes;
        return this;
    }

    /** {@code initializer=task, initargs=args}: a task registered on the workers. */
    public PoolBuilder initializer(String task, Object... initargs) {
        return initializer(Call.of(task, initargs));
    }

    /** The initializer as a call: its positional arguments are the initargs (keyword arguments are refused). */
    public PoolBuilder initializer(Call<?> call) {
        Objects.requireNonNull(call, "initializer");
        if (!call.kwargs().isEmpty()) {
            throw new IllegalArgumentException("an initializer takes positional initargs only, as Python's");
        }
        List<JsonNode> encoded = new ArrayList<>(call.args().size());
        for (int i = 0; i < call.args().size(); i++) {
            encoded.add(ValueCodec.toJson(call.args().get(i), call.argType(i))); // cannot travel: fails here
        }
        this.initializer = call.task();
        this.initargs = List.copyOf(encoded);
        return this;
    }

    /** {@code maxtasksperchild}: a fresh state (and initializer run) on a worker after this many of its tasks there. */
    public PoolBuilder maxtasksperchild(int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("maxtasksperchild must be at least 1, got " + tasks);
        }
        this.maxtasksperchild = tasks;
        return this;
    }

    /** Options every call of the pool gets unless it sets its own (queue, retries, limits). */
    public PoolBuilder defaults(CallOptions defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        return this;
    }

    public Pool build() {
        PoolSpec spec = initializer == null && maxtasksperchild == null ? null
                : new PoolSpec(UUID.randomUUID().toString(), initializer, initargs.isEmpty() ? null : initargs,
                        maxtasksperchild);
        return poolMaker.newPool(processes, defaults, spec);
    }
}
