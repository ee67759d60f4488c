package org.multiprocessing4j.task;

import java.util.List;

/** A task with one typed parameter, returning {@code R}. See {@link TaskDef}. */
public final class TaskDef1<A, R> extends TaskDef<R> {
    private final Param<A> a;

    /** The implementation a worker registers for it. */
    @FunctionalInterface
    public interface Body<A, R> {
        R run(A a) throws Exception;
    }

    TaskDef1(String name, Param<A> a, ValueType<R> result, boolean varKeywords, CallOptions defaults) {
        super(name, List.of(a), result, varKeywords, defaults);
        this.a = a;
    }

    public Call<R> call(A a) {
        return newCall(a);
    }

    public Param<A> param() {
        return a;
    }

    /** The same task, also taking extra keyword arguments ({@code **kwargs}). */
    public TaskDef1<A, R> withVarKeywords() {
        return new TaskDef1<>(name(), a, result(), true, defaults());
    }

    /** The same task, with options every call of it gets unless its pool or the call says otherwise. */
    public TaskDef1<A, R> withDefaults(CallOptions defaults) {
        return new TaskDef1<>(name(), a, result(), varKeywords(), defaults.orElse(defaults()));
    }

    Task bind(Body<A, R> body) {
        return call -> body.run(argument(call, a));
    }
}
