package org.multiprocessing4j.cli.examples;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.multiprocessing4j.Multiprocessing;

/** The tutorial's examples, in the tutorial's order, then the Python documentation's (section "docs"). */
public final class SeedExamples {
    /** The body of an example: the tutorial's {@code if __name__ == '__main__':} block. */
    @FunctionalInterface
    interface Body {
        void run(Multiprocessing mp, PrintWriter out) throws Exception;
    }

    private record Entry(String name, String section, String title, Body body) implements Example {
        @Override
        public void run(Multiprocessing mp, PrintWriter out) throws Exception {
            body.run(mp, out);
        }
    }

    private static final List<Example> ALL = List.of(
            new Entry("process-create", "1", "Process()创建子进程", ProcessExamples::processCreate),
            new Entry("process-args", "1", "传递参数", ProcessExamples::processArgs),
            new Entry("join", "2", "join()等待子进程结束", ProcessExamples::join),
            new Entry("join-timeout", "2", "设置等待超时时间", ProcessExamples::joinTimeout),
            new Entry("process-attributes", "3", "Process属性", ProcessExamples::processAttributes),
            new Entry("multiple-processes", "4", "多个子进程", ProcessExamples::multipleProcesses),
            new Entry("process-subclass", "5", "继承Process的类，重写run()方法创建进程", ProcessExamples::processSubclass),
            new Entry("pool-apply-async", "6", "apply_async()进程池的使用（非阻塞）", PoolExamples::applyAsync),
            new Entry("pool-apply", "6", "apply()使用进程池（阻塞）", PoolExamples::apply),
            new Entry("queue-basic", "7", "Queue消息列队", QueueExamples::basic),
            new Entry("queue-write-read", "7", "Queue实现多进程之间的数据传递", QueueExamples::writeRead),
            // issue 11: the Python documentation's examples for locks and shared memory
            new Entry("lock", "docs", "Synchronization between processes: Lock", SyncExamples::lock),
            new Entry("value-array", "docs", "Sharing state: Value and Array", SyncExamples::valueArray),
            new Entry("pipe", "docs", "Pipe() (Python docs: exchanging objects between processes)", DocsQueueExamples::pipe),
            new Entry("joinable-queue", "docs", "JoinableQueue task_done()/join() with a worker process",
                    DocsQueueExamples::joinableQueue));

    private SeedExamples() {
    }

    public static List<Example> all() {
        return ALL;
    }

    public static Optional<Example> named(String name) {
        return ALL.stream().filter(example -> example.name().equals(name)).findFirst();
    }
}
