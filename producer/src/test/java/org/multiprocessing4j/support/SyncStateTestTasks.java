package org.multiprocessing4j.support;

import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.errors.EofException;
import org.multiprocessing4j.pipe.Connection;
import org.multiprocessing4j.queue.JoinableQueue;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.queue.SimpleQueue;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskCall;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;

/**
 * The child-process functions of CPython's tests for JoinableQueue, SimpleQueue, Pipe and Pool
 * initializers ({@code Lib/test/_test_multiprocessing.py}), under their names there without the
 * leading underscore, for workers started with the test classpath.
 */
public final class SyncStateTestTasks implements TaskProvider {
    private static long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public void register(TaskRegistry tasks) {
        // _TestQueue._test_task_done: for obj in iter(q.get, None): time.sleep(DELTA); q.task_done()
        tasks.task("test_task_done", Signature.of("q"), call -> {
            JoinableQueue q = (JoinableQueue) call.arg("q");
            int done = 0;
            for (Object obj = q.get(); obj != null; obj = q.get()) {
                Thread.sleep(100);
                q.taskDone();
                done++;
            }
            return done;
        });
        // test_queue.BaseQueueTestMixin.worker: sums until a negative item, marking each done; reports its sum.
        tasks.task("queue_join_worker", Signature.of("q", "out"), call -> {
            JoinableQueue q = (JoinableQueue) call.arg("q");
            long sum = 0;
            while (true) {
                long x = ((Number) q.get()).longValue();
                if (x < 0) {
                    q.taskDone();
                    ((RemoteQueue) call.arg("out")).put(List.of(sum, pid()));
                    return sum;
                }
                sum += x;
                q.taskDone();
            }
        });
        // For the fault test: tells `seen` which worker took which item, works `seconds`, marks it done.
        tasks.task("slow_consumer", Signature.of("q", "seen", "seconds"), call -> {
            JoinableQueue q = (JoinableQueue) call.arg("q");
            RemoteQueue seen = (RemoteQueue) call.arg("seen");
            for (Object item = q.get(); item != null; item = q.get()) {
                seen.put(List.of(item, pid(), "took"));
                Thread.sleep(Math.round(call.number("seconds") * 1000));
                q.taskDone();
                seen.put(List.of(item, pid(), "done"));
            }
            return null;
        });
        // _TestConnection._echo: for msg in iter(conn.recv_bytes, SENTINEL): conn.send_bytes(msg); conn.close()
        tasks.task("echo_conn", Signature.of("conn"), call -> {
            Connection conn = (Connection) call.arg("conn");
            for (Object msg = conn.recv(); !"".equals(msg); msg = conn.recv()) {
                conn.send(msg);
            }
            conn.close();
            return pid();
        });
        // _TestPoll._child_strings: for s in strings: time.sleep(0.1); conn.send_bytes(s); conn.close()
        tasks.task("child_strings", Signature.of("conn", "strings"), call -> {
            Connection conn = (Connection) call.arg("conn");
            for (Object s : (List<?>) call.arg("strings")) {
                Thread.sleep(100);
                conn.send(s);
            }
            conn.close();
            return pid();
        });
        // For the link fault test: receives until EOF, answering each value with [value, pid].
        tasks.task("conn_answer_until_eof", Signature.of("conn"), call -> {
            Connection conn = (Connection) call.arg("conn");
            List<Object> got = new ArrayList<>();
            try {
                while (true) {
                    Object value = conn.recv();
                    got.add(value);
                    conn.send(List.of(value, pid()));
                }
            } catch (EofException end) {
                return got;
            }
        });
        // _TestSimpleQueue._test_empty: queue.put(queue.empty()) twice
        tasks.task("test_empty", Signature.of("queue"), call -> {
            SimpleQueue queue = (SimpleQueue) call.arg("queue");
            queue.put(queue.empty());
            queue.put(queue.empty());
            return pid();
        });
        // _TestInitializers' initializer(ns): ns.test += 1, here a line in a queue; also leaves state for the pool's tasks.
        tasks.task("initializer", Signature.of("q", "value"), call -> {
            ((SimpleQueue) call.arg("q")).put(List.of("initialized", pid()));
            call.poolState().put("value", call.arg("value"));
            System.out.println("initializer ran in " + pid());
            return null;
        });
        // The pool's task reading what its initializer left: [value, pid, generation].
        tasks.task("read_pool_state", Signature.of(), call ->
                List.of(call.poolState().get("value"), pid(), call.poolState().generation()));
        // sqr(x, wait=0.0) of _test_multiprocessing, answering [x*x, pid, generation] so lifetimes show.
        tasks.task("sqr", Signature.of("x").optional("wait", 0.0), call -> {
            Thread.sleep(Math.round(call.number("wait") * 1000));
            long x = call.integer("x");
            return List.of(x * x, pid(), TaskCall.current().poolState().generation());
        });
    }
}
