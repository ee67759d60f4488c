package org.multiprocessing4j.task;

import java.util.List;

/** A task with three typed parameters, returning {@code R}. See {@link TaskDef}. */
public final class TaskDef3<A, B, C, R> extends TaskDef<R> {
    private final Param<A> a;
    private final Param<B> b;
    private final Param<C> c;

    /** The implementation a worker registers for it. */
    @FunctionalInterface
    public interface Body<A, B, C, R> {
        R run(A a, B b, C c) throws Exception;
    }

    TaskDef3(String name, Param<A> a, Param<B> b, Param<C> c, ValueType<R> result, boolean varKeywords, CallOptions defaults) {
        super(name, List.of(a, b, c), result, varKeywords, defaults);
        this.a = a;
        this.b = b;
        this.c = c;
    }

    public Call<R> call(A a, B b, C c) {
        return newCall(a, b, c);
    }

    /** The same task, also taking extra keyword arguments ({@code **kwargs}). */
    public TaskDef3<A, B, C, R> withVarKeywords() {
        return new TaskDef3<>(name(), a, b, c, result(), true, defaults());
    }

    /** The same task, with options every call of it gets unless its pool or the call says otherwise. */
    public TaskDef3<A, B, C, R> withDefaults(CallOptions defaults) {
        return new TaskDef3<>(name(), a, b, c, result(), varKeywords(), defaults.orElse(defaults()));
    }

    Task bind(Body<A, B, C, R> body) {
        return call -> body.run(argument(call, a), argument(call, b), argument(call, c));
    }
}
