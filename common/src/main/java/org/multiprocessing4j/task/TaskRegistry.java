package org.multiprocessing4j.task;

/** Where a {@link TaskProvider} registers its tasks. Names must be unique across all providers. */
public interface TaskRegistry {

    /** Registers a function task; arguments are bound to the signature as Python binds them. */
    default TaskRegistry task(String name, Signature signature, Task task) {
        return task(name, signature, ValueType.ANY, task);
    }

    /**
     * Registers a function task whose result is of a declared type: it is written as JSON by
     * Jackson (so a POJO result travels too). Typed declarations ({@link TaskDef}) register this way.
     */
    TaskRegistry task(String name, Signature signature, ValueType<?> result, Task task);

    /** Registers a task that takes any arguments, read through {@link TaskCall#args()} and {@link TaskCall#kwargs()}. */
    default TaskRegistry task(String name, Task task) {
        return task(name, Signature.any(), task);
    }

    /**
     * Registers a Process subclass under {@link ProcessTask#registeredName(Class)}: a producer starts
     * it with the instance's fields, and the worker builds a new instance from them and calls run().
     */
    TaskRegistry processClass(Class<? extends ProcessTask> type);

    /** Registers the implementation of a task declared with its types (see {@link TaskDef}). */
    default <R> TaskRegistry task(TaskDef0<R> def, TaskDef0.Body<R> body) {
        return task(def.name(), def.signature(), def.result(), def.bind(body));
    }

    default <A, R> TaskRegistry task(TaskDef1<A, R> def, TaskDef1.Body<A, R> body) {
        return task(def.name(), def.signature(), def.result(), def.bind(body));
    }

    default <A, B, R> TaskRegistry task(TaskDef2<A, B, R> def, TaskDef2.Body<A, B, R> body) {
        return task(def.name(), def.signature(), def.result(), def.bind(body));
    }

    default <A, B, C, R> TaskRegistry task(TaskDef3<A, B, C, R> def, TaskDef3.Body<A, B, C, R> body) {
        return task(def.name(), def.signature(), def.result(), def.bind(body));
    }
}
