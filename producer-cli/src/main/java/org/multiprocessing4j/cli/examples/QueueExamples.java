package org.multiprocessing4j.cli.examples;

import java.io.PrintWriter;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.queue.RemoteQueue;

/** Section 7 of the tutorial: a bounded Queue, then a writer and a reader process sharing one. */
final class QueueExamples {
    private QueueExamples() {
    }

    /** Queue(3): full() is False after two puts, True after three; then the three messages come out. */
    static void basic(Multiprocessing mp, PrintWriter out) {
        RemoteQueue q = mp.queue(3);
        q.put("消息1");
        q.put("消息2");
        out.println("消息队列是否已满: " + ProcessExamples.python(q.full()));
        q.put("消息3");
        out.println("消息队列是否已满 " + ProcessExamples.python(q.full()));
        if (!q.empty()) {
            int size = q.qsize();
            for (int i = 0; i < size; i++) {
                out.println(q.get());
            }
        }
    }

    /** write(q) on one worker, then read(q) on another: the queue handle travels as an argument. */
    static void writeRead(Multiprocessing mp, PrintWriter out) {
        RemoteQueue q = mp.queue();
        RemoteProcess pw = mp.process("write", q);
        RemoteProcess pr = mp.process("read", q);
        pw.start();
        pw.join();
        pr.start();
        pr.join();
    }
}
