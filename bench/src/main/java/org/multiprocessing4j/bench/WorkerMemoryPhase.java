package org.multiprocessing4j.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.testkit.ChildProcess;

/** Worker memory while the jobs queue fills up: it must stay flat (prefetch bounds what a worker holds). */
final class WorkerMemoryPhase implements Phase {
    @Override
    public String id() {
        return "worker-memory";
    }

    @Override
    public String title(Settings settings) {
        return String.format("worker memory while %,d tasks wait in the queue", settings.waiting());
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Settings settings = run.settings();
        String namespace = run.namespace("worker-memory");
        List<ChildProcess> workers = run.workers(namespace, 2, 2);
        Thread.sleep(2000);
        double empty = rss(workers);
        double full = empty;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(settings.uri());
        long started = System.nanoTime();
        try (Connection connection = factory.newConnection("bench filler")) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            Topology topology = new Topology(namespace);
            int waiting = settings.waiting();
            for (int i = 1; i <= waiting; i++) {
                String id = UUID.randomUUID().toString();
                // Hour-long sleeps: the two running on each worker never end, the rest wait.
                JobMessage job = JobMessage.call(id, "sleep", ValueCodec.toJsonList(List.of(3600)), Map.of(), null, 0);
                channel.basicPublish("", topology.jobsQueue(), Envelopes.job(id, null), WireCodec.encode(job));
                if (i % 2000 == 0 || i == waiting) {
                    channel.waitForConfirmsOrDie(60_000);
                    full = Math.max(full, rss(workers));
                    run.progress().tick(String.format("%,d / %,d waiting (%,.0f published/s), worker RSS %.0f MB", i,
                            waiting, i / ((System.nanoTime() - started) / 1e9), rss(workers)));
                }
            }
            double fillRate = waiting / ((System.nanoTime() - started) / 1e9);
            run.roles().stopServers();
            channel.queuePurge(topology.jobsQueue());
            run.report().figure("worker RSS, queue empty (MB)", "%.0f", null).add(empty);
            run.report().figure(String.format("worker RSS, highest while %,d filled the queue (MB)", waiting), "%.0f", null)
                    .add(full);
            run.report().figure(String.format("worker RSS with %,d waiting / empty (flat)", waiting), "%.2f",
                    Target.atMost(1.25, "issue 15 (keep)")).add(full / empty);
            run.progress().note(String.format("worker RSS %.0f MB empty, at most %.0f MB with up to %,d waiting; queue "
                    + "filled at %,.0f jobs/s", empty, full, waiting, fillRate));
        }
    }

    private static double rss(List<ChildProcess> workers) {
        return workers.stream().mapToDouble(worker -> Memory.rssMb(worker.pid())).average().orElse(-1);
    }
}
