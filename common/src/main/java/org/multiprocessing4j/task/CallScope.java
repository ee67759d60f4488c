package org.multiprocessing4j.task;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Which {@link TaskCall} the current thread works for, as {@link TaskCall#current()} reads it.
 * Inherited by threads a task starts, so they see the same call.
 *
 * <p>The worker runs every task inside a scope. It is public so that a task can also be run
 * in a plain unit test, with a call of the test's own:
 *
 * <pre>{@code
 * Object result = CallScope.run(myTestCall, () -> MyTasks.body(myTestCall));
 * }</pre>
 */
public final class CallScope {
    private static final InheritableThreadLocal<TaskCall> CURRENT = new InheritableThreadLocal<>();

    private CallScope() {
    }

    /** Runs {@code body} with {@code call} as the current call of this thread, then restores the previous one. */
    public static <T> T run(TaskCall call, Callable<T> body) throws Exception {
        Objects.requireNonNull(call, "call");
        TaskCall previous = CURRENT.get();
        CURRENT.set(call);
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

    static TaskCall current() {
        TaskCall call = CURRENT.get();
        if (call == null) {
            throw new IllegalStateException("not inside a task: TaskCall.current() works only on a worker, "
                    + "in a task's thread or a thread it started (or inside CallScope.run)");
        }
        return call;
    }
}
