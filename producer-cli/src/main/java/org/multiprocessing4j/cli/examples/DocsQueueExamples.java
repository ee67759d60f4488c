package org.multiprocessing4j.cli.examples;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.pipe.Connection;
import org.multiprocessing4j.queue.JoinableQueue;

/** The Python documentation's Pipe example and its JoinableQueue (queue.join) example, on the workers. */
final class DocsQueueExamples {
    private DocsQueueExamples() {
    }

    /** parent_conn, child_conn = Pipe(); Process(target=f, args=(child_conn,)); print(parent_conn.recv()) */
    static void pipe(Multiprocessing mp, PrintWriter out) {
        Connection[] ends = mp.pipe();
        Connection parentConn = ends[0];
        Connection childConn = ends[1];
        RemoteProcess p = mp.process("pipe_f", childConn);
        p.start();
        out.println(repr(parentConn.recv())); // prints "[42, None, 'hello']"
        p.join();
    }

    /** A daemon worker process marks each of 30 items done; q.join() returns once all are. */
    static void joinableQueue(Multiprocessing mp, PrintWriter out) {
        JoinableQueue q = mp.joinableQueue();
        RemoteProcess worker = mp.process("joinable_worker", q);
        worker.setDaemon(true);
        worker.start();
        for (int item = 0; item < 30; item++) {
            q.put(item);
        }
        q.join();
        out.println("All work completed");
    }

    /** Python's repr of a JSON value, as print() shows a list. */
    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DocsQueueExamples::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
