package org.multiprocessing4j.internal.task;

import org.multiprocessing4j.task.TaskCall;

/**
 * Which call the current thread works for. Inheritable, so threads a task starts still print to
 * its output and see its context. Set only by the worker runtime.
 */
public final class CurrentCall {
    private static final InheritableThreadLocal<TaskCall> CURRENT = new InheritableThreadLocal<>();

    private CurrentCall() {
    }

    public static TaskCall get() {
        TaskCall call = CURRENT.get();
        if (call == null) {
            throw new IllegalStateException("not inside a task: TaskCall.current() works only on a worker, "
                    + "in a task's thread or a thread it started");
        }
        return call;
    }

    public static TaskCall getOrNull() {
        return CURRENT.get();
    }

    public static void set(TaskCall call) {
        CURRENT.set(call);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
