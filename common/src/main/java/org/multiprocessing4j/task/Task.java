package org.multiprocessing4j.task;

/**
 * A function a worker can run by name: Python's {@code target}. Whatever it prints to
 * {@code System.out} is streamed to the producer line by line; what it returns (a JSON value)
 * is the result; what it throws reaches the caller with its type, message and stack trace.
 *
 * <p>Terminating a task interrupts its thread: blocking calls such as {@code Thread.sleep}
 * throw {@link InterruptedException}, and long loops should check {@link TaskCall#cancelled()}.
 */
@FunctionalInterface
public interface Task {
    Object run(TaskCall call) throws Exception;
}
