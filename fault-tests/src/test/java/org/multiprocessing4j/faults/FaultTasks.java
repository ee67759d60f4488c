package org.multiprocessing4j.faults;

import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;

/** Tasks the fault tests need and no shipped worker has (registered by this module's test resources). */
public final class FaultTasks implements TaskProvider {
    @Override
    public void register(TaskRegistry tasks) {
        // Takes its worker down with it, every time: a poison task.
        tasks.task("crash_worker", Signature.of(), call -> {
            System.out.println("about to take the worker down");
            System.out.flush();
            Runtime.getRuntime().halt(137);
            return null;
        });
        // Returns a string of n characters: a result larger than the broker accepts, when n is large.
        tasks.task("big", Signature.of("n"), call -> "x".repeat((int) call.integer("n")));
        // A transient fault: fails with IOException with probability p on each attempt; returns [n, attempt].
        tasks.task("transient", Signature.of("p", "n"), call -> {
            if (java.util.concurrent.ThreadLocalRandom.current().nextDouble() < call.number("p")) {
                throw new java.io.IOException("transient failure of " + call.integer("n") + " on attempt " + call.attempt());
            }
            return java.util.List.of(call.integer("n"), call.attempt());
        });
        // A short task that says which attempt it is and when it is done: reruns and half-done runs show.
        tasks.task("brief", Signature.of("label", "millis"), call -> {
            System.out.println("begin " + call.string("label") + " attempt " + call.attempt());
            Thread.sleep(call.integer("millis"));
            System.out.println("finish " + call.string("label"));
            return call.string("label");
        });
        // Prints n numbered lines, one every millis: which run each streamed line came from shows.
        tasks.task("ticks", Signature.of("label", "n", "millis"), call -> {
            for (long i = 1; i <= call.integer("n"); i++) {
                System.out.println("tick " + i + " of " + call.string("label"));
                Thread.sleep(call.integer("millis"));
            }
            return call.string("label");
        });
        // Runs for a while, printing a line per second: a long task whose every run is visible.
        tasks.task("long_task", Signature.of("label", "seconds"), call -> {
            System.out.println("begin " + call.string("label") + " attempt " + call.attempt());
            long seconds = call.integer("seconds");
            for (long i = 1; i <= seconds; i++) {
                Thread.sleep(1000);
            }
            System.out.println("finish " + call.string("label"));
            return call.string("label");
        });
    }
}
