/**
 * The task SPI: what a worker can run.
 *
 * <p>A worker runs only tasks registered on its classpath through
 * {@link java.util.ServiceLoader}: implement {@link org.multiprocessing4j.task.TaskProvider},
 * list it in {@code META-INF/services/org.multiprocessing4j.task.TaskProvider}, and put the jar
 * on the worker's classpath. No class named by a message is ever loaded.
 *
 * <pre>{@code
 * public final class MyTasks implements TaskProvider {
 *     public void register(TaskRegistry tasks) {
 *         tasks.task("func", Signature.of("msg"), call -> {
 *             System.out.println("start: " + call.string("msg")); // streamed to the producer
 *             return null;
 *         });
 *         tasks.processClass(ClockProcess.class);                 // Process subclass style
 *     }
 * }
 * }</pre>
 */
package org.multiprocessing4j.task;
