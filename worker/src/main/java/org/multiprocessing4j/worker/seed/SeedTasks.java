package org.multiprocessing4j.worker.seed;

import org.multiprocessing4j.queue.RemoteQueue;
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
        tasks.task("run_proc", Signature.of().optional("name", null).optional("age", null).withVarKeywords(),
                SeedTasks::runProc);
        // Section 2: worker(interval)
        tasks.task("worker", Signature.of("interval"), call -> {
            Py.print("work start");
            Py.sleep(call.number("interval"));
            Py.print("work end");
            return null;
        });
        // Section 3: clock(interval)
        tasks.task("clock", Signature.of("interval"), call -> {
            for (int i = 0; i < 5; i++) {
                Py.print("当前时间为：" + Py.ctime());
                Py.sleep(call.number("interval"));
            }
            return null;
        });
        // Section 4: work1..work3(interval)
        for (String name : new String[] {"work1", "work2", "work3"}) {
            tasks.task(name, Signature.of("interval"), call -> {
                Py.print(name + " start");
                Py.sleep(call.number("interval"));
                Py.print(name + " end");
                return null;
            });
        }
        // Section 5
        tasks.processClass(ClockProcess.class);
        // Section 6: func(msg)
        tasks.task("func", Signature.of("msg"), call -> {
            Py.print("start:", call.arg("msg"));
            Py.sleep(3);
            Py.print("end:", call.arg("msg"));
            return null;
        });
        // Section 7: write(q), read(q)
        tasks.task("write", Signature.of("q"), SeedTasks::write);
        tasks.task("read", Signature.of("q"), SeedTasks::read);

        // Everyday helpers (and what the benchmark and tests drive).
        tasks.task("noop", Signature.any(), call -> null);
        tasks.task("echo", Signature.of("value"), call -> call.arg("value"));
        tasks.task("sleep", Signature.of("seconds").optional("result", null), call -> {
            Py.sleep(call.number("seconds"));
            return call.arg("result");
        });
        tasks.task("square", Signature.of("x"), call -> {
            Object x = call.arg("x");
            if (x instanceof Integer || x instanceof Long) {
                return Math.multiplyExact(call.integer("x"), call.integer("x"));
            }
            return call.number("x") * call.number("x");
        });
        tasks.task("fail", Signature.of().optional("message", "failed on purpose"), call -> {
            throw new IllegalStateException(call.string("message"));
        });
    }

    private static Object runProc(TaskCall call) throws InterruptedException {
        if (call.arg("name") == null && call.arg("age") == null && call.kwargs().isEmpty()) {
            Py.print("子进程运行中");
            return null;
        }
        for (int i = 0; i < 5; i++) {
            Py.print("子进程运行中,name=" + Py.str(call.arg("name")) + ",age=" + Py.str(call.arg("age"))
                    + ",kwargs=" + Py.repr(call.kwargs()));
            Py.sleep(0.5);
        }
        return null;
    }

    private static Object write(TaskCall call) throws InterruptedException {
        RemoteQueue q = call.queue("q");
        for (String item : new String[] {"a", "b", "c"}) {
            Py.print("开始写入值:", item);
            q.put(item);
            Py.sleep(1);
        }
        return null;
    }

    private static Object read(TaskCall call) throws InterruptedException {
        RemoteQueue q = call.queue("q");
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
