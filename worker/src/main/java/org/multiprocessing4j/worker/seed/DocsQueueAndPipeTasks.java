package org.multiprocessing4j.worker.seed;

import java.util.Arrays;
import org.multiprocessing4j.pipe.Connection;
import org.multiprocessing4j.queue.JoinableQueue;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;

/**
 * The Python documentation's Pipe and JoinableQueue examples' child functions, for
 * {@code producer examples run pipe|joinable-queue}. Registered through META-INF/services.
 */
public final class DocsQueueAndPipeTasks implements TaskProvider {

    @Override
    public void register(TaskRegistry tasks) {
        // def f(conn): conn.send([42, None, 'hello']); conn.close()   (the docs' name is f)
        tasks.task("pipe_f", Signature.of("conn"), call -> {
            Connection conn = (Connection) call.arg("conn");
            conn.send(Arrays.asList(42, null, "hello"));
            conn.close();
            return null;
        });
        // def worker(q): while True: item = q.get(); print Working on / Finished; q.task_done()
        tasks.task("joinable_worker", Signature.of("q"), call -> {
            JoinableQueue q = (JoinableQueue) call.arg("q");
            while (true) {
                Object item = q.get();
                Py.print("Working on " + Py.str(item));
                Py.print("Finished " + Py.str(item));
                q.taskDone();
            }
        });
    }
}
