package org.multiprocessing4j.support;

import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;

/**
 * Tasks only the tests register (through src/test/resources/META-INF/services): workers started
 * with the test classpath have them, shipped workers do not.
 */
public final class TestTasks implements TaskProvider {
    @Override
    public void register(TaskRegistry tasks) {
        tasks.task("divide", Signature.of("a", "b"), call -> divide(call.integer("a"), call.integer("b")));
        tasks.task("add", Signature.of("a", "b"), call -> call.integer("a") + call.integer("b"));
        tasks.task("pid", Signature.of(), call -> ProcessHandle.current().pid());
        // Prints start/end around a sleep, for checking how many run at once.
        tasks.task("traced", Signature.of("label", "seconds"), call -> {
            System.out.println("start " + call.string("label"));
            Thread.sleep(Math.round(call.number("seconds") * 1000));
            System.out.println("end " + call.string("label"));
            return call.string("label");
        });
        // Ignores interrupts (a task that never checks): only kill() or abandonment frees its slot.
        tasks.task("stubborn", Signature.of("seconds"), call -> {
            System.out.println("stubborn start");
            long until = System.nanoTime() + Math.round(call.number("seconds") * 1e9);
            while (System.nanoTime() < until) {
                Thread.interrupted(); // swallow it
                Thread.onSpinWait();
            }
            System.out.println("stubborn end");
            return null;
        });
        // Dies with its worker, every time: a poison task.
        tasks.task("crash_worker", Signature.of(), call -> {
            System.out.println("about to take the worker down");
            Runtime.getRuntime().halt(137);
            return null;
        });
    }

    // A named method, so the remote stack trace shows it.
    private static long divide(long a, long b) {
        return a / b;
    }
}
