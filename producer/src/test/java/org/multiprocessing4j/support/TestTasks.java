package org.multiprocessing4j.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.multiprocessing4j.queue.RemoteQueue;
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
        tasks.task(TypedTestTasks.CHECKOUT, order -> {
            Map<String, Integer> quantities = new TreeMap<>();
            double total = 0;
            for (TypedTestTasks.Line line : order.lines()) {
                quantities.merge(line.item(), line.quantity(), Integer::sum);
                total += line.quantity() * line.price();
            }
            return new TypedTestTasks.Receipt(order.customer(), total, quantities);
        });
        tasks.task(TypedTestTasks.SPLIT, (values, size) -> {
            List<List<Integer>> parts = new ArrayList<>();
            for (int i = 0; i < values.size(); i += size) {
                parts.add(values.subList(i, Math.min(values.size(), i + size)));
            }
            return parts;
        });
        tasks.task(TypedTestTasks.PID_PLUS, n -> ProcessHandle.current().pid() + n);
        // Dead letters: fails (IOException) until the file exists, the "cause fixed" of a replay; returns its attempt.
        tasks.task("needs_file", Signature.of("path"), call -> {
            if (!java.nio.file.Files.exists(java.nio.file.Path.of(call.string("path")))) {
                throw new java.io.IOException("no such file: " + call.string("path"));
            }
            System.out.println("found " + call.string("path"));
            return call.attempt();
        });
        // Operations: fails with IOException on its first attempts, then returns its attempt number.
        tasks.task("flaky", Signature.of("fail_times"), call -> {
            int attempt = call.attempt();
            System.out.println("attempt " + attempt + " at " + System.currentTimeMillis());
            if (attempt <= call.integer("fail_times")) {
                throw new java.io.IOException("transient failure on attempt " + attempt);
            }
            return attempt;
        });
        // Fails with IOException with probability p on each attempt (a transient fault), else returns its attempt.
        tasks.task("transient", Signature.of("p", "n"), call -> {
            if (java.util.concurrent.ThreadLocalRandom.current().nextDouble() < call.number("p")) {
                throw new java.io.IOException("transient");
            }
            return call.attempt();
        });
        // When the worker started it (epoch ms): for delays; with seconds > 0 it then takes that long.
        tasks.task("started_at", Signature.of().optional("label", null).optional("seconds", 0), call -> {
            long started = System.currentTimeMillis();
            Thread.sleep(Math.round(call.number("seconds") * 1000));
            return started;
        });
        // Sleeps; interrupted by its soft time limit, it cleans up and returns instead of raising.
        tasks.task("nap", Signature.of("seconds", "cleanup"), call -> {
            try {
                Thread.sleep(Math.round(call.number("seconds") * 1000));
                return "slept";
            } catch (InterruptedException e) {
                if (call.bool("cleanup") && call.timeLimitExceeded()) {
                    return "cleaned up after the soft limit";
                }
                throw e;
            }
        });
        // Reports its progress: n steps of `seconds` each, printing each step.
        tasks.task("progressing", Signature.of("n", "seconds"), call -> {
            long n = call.integer("n");
            for (long i = 1; i <= n; i++) {
                Thread.sleep(Math.round(call.number("seconds") * 1000));
                System.out.println("step " + i + " of " + n);
                call.progress(i, n);
            }
            return n;
        });
        // Where it ran: the worker's pid.
        tasks.task("where", Signature.of().optional("label", null), call -> ProcessHandle.current().pid());
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
        // Queue traffic: put a range of numbers; read until "STOP" and hand over what was read.
        tasks.task("put_range", Signature.of("q", "start", "count"), call -> {
            RemoteQueue q = call.queue("q");
            long start = call.integer("start");
            for (long i = start; i < start + call.integer("count"); i++) {
                q.put(i);
            }
            return null;
        });
        tasks.task("collect", Signature.of("q", "out"), call -> {
            RemoteQueue q = call.queue("q");
            List<Object> items = new ArrayList<>();
            for (Object item = q.get(); !"STOP".equals(item); item = q.get()) {
                items.add(item);
            }
            call.queue("out").put(items);
            return items.size();
        });
        tasks.task("take_one", Signature.of("q", "out"), call -> {
            System.out.println("waiting for an item");
            Object item = call.queue("q").get();
            call.queue("out").put(item);
            return item;
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
