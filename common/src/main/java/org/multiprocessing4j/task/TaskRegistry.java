package org.multiprocessing4j.task;

/** Where a {@link TaskProvider} registers its tasks. Names must be unique across all providers. */
public interface TaskRegistry {

    /** Registers a function task; arguments are bound to the signature as Python binds them. */
    TaskRegistry task(String name, Signature signature, Task task);

    /** Registers a task that takes any arguments, read through {@link TaskCall#args()} and {@link TaskCall#kwargs()}. */
    default TaskRegistry task(String name, Task task) {
        return task(name, Signature.any(), task);
    }

    /**
     * Registers a Process subclass under {@link ProcessTask#registeredName(Class)}: a producer starts
     * it with the instance's fields, and the worker builds a new instance from them and calls run().
     */
    TaskRegistry processClass(Class<? extends ProcessTask> type);
}
