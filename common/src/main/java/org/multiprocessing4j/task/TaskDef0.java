package org.multiprocessing4j.task;

import java.util.List;

/** A task with no parameters, returning {@code R}. See {@link TaskDef}. */
public final class TaskDef0<R> extends TaskDef<R> {

    /** The implementation a worker registers for it. */
    @FunctionalInterface
    public interface Body<R> {
        R run() throws Exception;
    }

    TaskDef0(String name, ValueType<R> result, boolean varKeywords, CallOptions defaults) {
        super(name, List.of(), result, varKeywords, defaults);
    }

    public Call<R> call() {
        return newCall();
    }

    /** The same task, also taking extra keyword arguments ({@code **kwargs}). */
    public TaskDef0<R> withVarKeywords() {
        return new TaskDef0<>(name(), result(), true, defaults());
    }

    /** The same task, with options every call of it gets unless its pool or the call says otherwise. */
    public TaskDef0<R> withDefaults(CallOptions defaults) {
        return new TaskDef0<>(name(), result(), varKeywords(), defaults.orElse(defaults()));
    }

    Task bind(Body<R> body) {
        return call -> body.run();
    }
}
