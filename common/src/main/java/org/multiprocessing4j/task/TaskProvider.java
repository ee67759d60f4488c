package org.multiprocessing4j.task;

/**
 * Registers tasks with a worker. Found through {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/org.multiprocessing4j.task.TaskProvider}.
 */
public interface TaskProvider {
    void register(TaskRegistry registry);
}
