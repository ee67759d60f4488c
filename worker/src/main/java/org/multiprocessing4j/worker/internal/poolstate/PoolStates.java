package org.multiprocessing4j.worker.internal.poolstate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.multiprocessing4j.internal.wire.PoolSpec;
import org.multiprocessing4j.task.PoolState;

/**
 * The per-pool states of this worker. A pool's first job here runs its initializer into a fresh
 * state; every {@code maxtasksperchild} jobs the state is replaced and the initializer runs again.
 * Workers cannot know when a pool is done, so the least recently used states beyond
 * {@value #KEPT} are dropped (such a pool's next job here just initializes again). Thread-safe:
 * jobs of one pool that arrive together wait for one initializer run.
 */
public final class PoolStates {
    static final int KEPT = 256;

    /** Runs the pool's initializer with {@code fresh} as the current pool state. */
    @FunctionalInterface
    public interface Initializer {
        void run(PoolState fresh) throws Exception;
    }

    private static final class Entry {
        PoolState state; // guarded by this entry
        int generation;
        int jobsRun;
    }

    private final Map<String, Entry> byPool = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > KEPT;
        }
    };

    /** The state this job of the pool runs with, initializing it first when due; counts the job. */
    public PoolState enter(PoolSpec spec, Initializer initializer) throws Exception {
        Entry entry;
        synchronized (byPool) {
            entry = byPool.computeIfAbsent(spec.id(), id -> new Entry());
        }
        synchronized (entry) {
            Integer max = spec.maxtasksperchild();
            if (entry.state == null || (max != null && max > 0 && entry.jobsRun >= max)) {
                PoolState fresh = new PoolState(spec.id(), entry.generation + 1);
                entry.state = null;
                initializer.run(fresh); // a failing initializer fails this job; the next one tries again
                entry.state = fresh;
                entry.generation++;
                entry.jobsRun = 0;
            }
            entry.jobsRun++;
            return entry.state;
        }
    }
}
