package org.multiprocessing4j.task;

import java.util.List;

/** A task with two typed parameters, returning {@code R}. See {@link TaskDef}. */
public final class TaskDef2<A, B, R> extends TaskDef<R> {
    private final Param<A> a;
    private final Param<B> b;

    /** The implementation a worker registers for it. */
    @FunctionalInterface
    public interface Body<A, B, R> {
        R run(A a, B b) throws Exception;
    }

    TaskDef2(String name, Param<A> a, Param<B> b, ValueType<R> result, boolean varKeywords, CallOptions defaults) {
        super(name, List.of(a, b), result, varKeywords, defaults);
        this.a = a;
        this.b = b;
    }

    public Call<R> call(A a, B b) {
        return newCall(a, b);
    }

    /** The same task, also taking extra keyword arguments ({@code **kwargs}). */
    public TaskDef2<A, B, R> withVarKeywords() {
        return new TaskDef2<>(name(), a, b, result(), true, defaults());
    }

    /** The same task, with options every call of it gets unless its pool or the call says otherwise. */
    public TaskDef2<A, B, R> withDefaults(CallOptions defaults) {
        return new TaskDef2<>(name(), a, b, result(), varKeywords(), defaults.orElse(defaults()));
    }

    Task bind(Body<A, B, R> body) {
        return call -> body.run(argument(call, a), argument(call, b));
    }
}
