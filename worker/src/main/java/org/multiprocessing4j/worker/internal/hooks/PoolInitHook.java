package org.multiprocessing4j.worker.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.internal.wire.PoolSpec;
import org.multiprocessing4j.task.PoolState;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.poolstate.PoolStates;
import org.multiprocessing4j.worker.internal.runners.Runners;

/**
 * Python's {@code Pool(initializer, initargs, maxtasksperchild)}: before a pool's first job on this
 * worker (and after every maxtasksperchild of its jobs here) runs the initializer task, then runs
 * the job with that pool's state current. Innermost, so the initializer's prints are the job's
 * output and its time counts against the job's limits.
 */
public final class PoolInitHook implements RunHook {
    private final PoolStates states;
    private final Runners runners;

    public PoolInitHook(PoolStates states, Runners runners) {
        this.states = states;
        this.runners = runners;
    }

    @Override
    public JsonNode around(JobRun run, Invocation next) throws Exception {
        PoolSpec spec = run.job().optionsOrDefaults().pool();
        if (spec == null) {
            return next.proceed();
        }
        PoolState state = states.enter(spec, fresh -> {
            if (spec.initializer() != null) {
                PoolState.runIn(fresh, () -> runners.runInitializer(spec.initializer(), spec.initargsOrEmpty(), run));
            }
        });
        return PoolState.runIn(state, next::proceed);
    }
}
