package org.multiprocessing4j.worker.seed;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.builtin.BuiltInTasks;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.task.TaskDef1;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskCall;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;

/**
 * The tutorial's functions, each printing exactly what its Python prints. Registered through
 * META-INF/services like any user's tasks.
 */
public final class SeedTasks implements TaskProvider {

    @Override
    public void register(TaskRegistry tasks) {
        // Sections 1: the tutorial defines run_proc twice, in two scripts: run_proc() and
        // run_proc(name, age, **kwargs). One task serves both, told apart by its arguments, as one
        // Python function with defaults would.
        tasks.task(BuiltInTasks.RUN_PROC, SeedTasks::runProc);
        // Section 2: worker(interval)
        tasks.task(BuiltInTasks.WORKER, interval -> {
            Py.print("work start");
            Py.sleep(interval);
            Py.print("work end");
            return null;
        });
        // Section 3: clock(interval)
        tasks.task(BuiltInTasks.CLOCK, interval -> {
            for (int i = 0; i < 5; i++) {
                Py.print("当前时间为：" + Py.ctime());
                Py.sleep(interval);
            }
            return null;
        });
        // Section 4: work1..work3(interval)
        for (TaskDef1<Double, Void> work : List.of(BuiltInTasks.WORK1, BuiltInTasks.WORK2, BuiltInTasks.WORK3)) {
            tasks.task(work, interval -> {
                Py.print(work.name() + " start");
                Py.sleep(interval);
                Py.print(work.name() + " end");
                return null;
            });
        }
        // Section 5
        tasks.processClass(ClockProcess.class);
        // Section 6: func(msg)
        tasks.task(BuiltInTasks.FUNC, msg -> {
            Py.print("start:", msg);
            Py.sleep(3);
            Py.print("end:", msg);
            return null;
        });
        // Section 7: write(q), read(q)
        tasks.task(BuiltInTasks.WRITE, SeedTasks::write);
        tasks.task(BuiltInTasks.READ, SeedTasks::read);

        // Everyday helpers (and what the benchmark and tests drive). noop takes any arguments.
        tasks.task(BuiltInTasks.NOOP.name(), Signature.any(), call -> null);
        tasks.task(BuiltInTasks.ECHO, value -> value);
        tasks.task(BuiltInTasks.SLEEP, (seconds, result) -> {
            Py.sleep(seconds);
            return result;
        });
        tasks.task(BuiltInTasks.SQUARE, SeedTasks::square);
        tasks.task(BuiltInTasks.FAIL, message -> {
            throw new IllegalStateException(message);
        });
    }

    /** Python's {@code x * x}: exact for integers of any size, a float for a float. */
    static Number square(Number x) {
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) {
            long value = x.longValue();
            if (Math.abs(value) <= 3_037_000_499L) { // the largest whose square fits a long
                return value * value;
            }
            return BigInteger.valueOf(value).multiply(BigInteger.valueOf(value));
        }
        if (x instanceof BigInteger big) {
            BigInteger squared = big.multiply(big);
            return squared.bitLength() < 64 ? (Number) squared.longValue() : squared;
        }
        double d = x.doubleValue();
        return d * d;
    }

    private static Void runProc(String name, Integer age) throws InterruptedException {
        Map<String, Object> kwargs = TaskCall.current().kwargs();
        if (name == null && age == null && kwargs.isEmpty()) {
            Py.print("子进程运行中");
            return null;
        }
        for (int i = 0; i < 5; i++) {
            Py.print("子进程运行中,name=" + Py.str(name) + ",age=" + Py.str(age) + ",kwargs=" + Py.repr(kwargs));
            Py.sleep(0.5);
        }
        return null;
    }

    private static Void write(RemoteQueue q) throws InterruptedException {
        for (String item : new String[] {"a", "b", "c"}) {
            Py.print("开始写入值:", item);
            q.put(item);
            Py.sleep(1);
        }
        return null;
    }

    private static Void read(RemoteQueue q) throws InterruptedException {
        Py.print("开始读取");
        while (true) {
            if (!q.empty()) {
                Py.print("读取到:", q.get());
                Py.sleep(1);
            } else {
                break;
            }
        }
        return null;
    }
}
