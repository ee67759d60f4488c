package org.multiprocessing4j.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.Priority;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.testkit.ChildProcess;

/**
 * The Lock's costs, each beside a plain amqp-client figure taken in the same run (issue 11's bench
 * row). Entry point for scripts/bench: {@link #measure(String, int)}, or run this class:
 * {@code java -cp mp4j-bench.jar org.multiprocessing4j.bench.SyncBench [URI] [CYCLES]}.
 * <ul>
 *   <li>uncontended: one handle acquires and releases a free Lock, one at a time (per second, p50);
 *       baseline: one broker round trip (a passive queue.declare), p50;</li>
 *   <li>hand-off: two JVMs (separate processes and connections, as two workers) take turns on one
 *       Lock; the time from one's release to the other's acquire (p50, wall clock of one machine);
 *       baseline: one plain publish-to-delivery hop between two connections, p50.</li>
 * </ul>
 */
public final class SyncBench {
    /** What one run measured. */
    public record Figures(double uncontendedPerSecond, double uncontendedP50Ms, double roundTripP50Ms,
                          double handOffP50Ms, double handOffP99Ms, double plainHopP50Ms) {
        public String table() {
            return String.format("| Lock acquire+release, uncontended | %.0f /s, p50 %.2f ms | plain round trip p50 %.2f ms |%n"
                            + "| Lock hand-off between two JVMs | p50 %.2f ms, p99 %.2f ms | plain publish->deliver hop p50 %.2f ms |%n",
                    uncontendedPerSecond, uncontendedP50Ms, roundTripP50Ms, handOffP50Ms, handOffP99Ms, plainHopP50Ms);
        }
    }

    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("party")) {
            SyncBenchParty.main(args);
            return;
        }
        String uri = args.length > 0 ? args[0] : System.getenv().getOrDefault("AMQP_URI", "amqp://guest:guest@localhost:5672/%2F");
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.out.print(measure(uri, cycles).table());
    }

    /** Runs the four measurements, {@code cycles} each, on a namespace of its own (deleted afterwards). */
    public static Figures measure(String uri, int cycles) throws Exception {
        String namespace = "bench-sync-" + UUID.randomUUID().toString().substring(0, 6);
        BrokerSettings settings = BrokerSettings.defaults().withUri(uri).withNamespace(namespace);
        Histogram uncontended = new Histogram(3);
        double perSecond;
        try (Multiprocessing mp = Multiprocessing.connect(settings)) {
            RemoteLock lock = mp.lock();
            for (int i = 0; i < Math.min(200, cycles); i++) { // warm-up
                lock.acquire();
                lock.release();
            }
            long started = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                long t = System.nanoTime();
                lock.acquire();
                lock.release();
                uncontended.recordValue((System.nanoTime() - t) / 1000);
            }
            perSecond = cycles / ((System.nanoTime() - started) / 1e9);
        }
        double[] baseline = plainFigures(uri, cycles);
        Histogram handOff;
        try (Multiprocessing mp = Multiprocessing.connect(settings)) {
            RemoteLock shared = mp.lock("handoff-" + UUID.randomUUID().toString().substring(0, 6));
            handOff = handOff(uri, namespace, shared.name(), cycles / 4);
            shared.delete();
        }
        cleanUp(uri, namespace);
        return new Figures(perSecond, uncontended.getValueAtPercentile(50) / 1000.0, baseline[0],
                handOff.getValueAtPercentile(50) / 1000.0, handOff.getValueAtPercentile(99) / 1000.0, baseline[1]);
    }

    /** Two party JVMs alternate on one named lock; each prints its holds; hand-off = acquire minus the other's release. */
    private static Histogram handOff(String uri, String namespace, String name, int turns) throws Exception {
        List<ChildProcess> parties = new ArrayList<>();
        for (String party : List.of("a", "b")) {
            parties.add(ChildProcess.startJvm("party-" + party, List.of("-Xmx256m"), SyncBench.class.getName(),
                    List.of("party", uri, namespace, name, String.valueOf(turns)), Map.of()));
        }
        List<long[]> holds = new ArrayList<>(); // {acquired, released, party}
        for (int p = 0; p < parties.size(); p++) {
            ChildProcess party = parties.get(p);
            if (party.awaitExit(Duration.ofMinutes(10)) == null) {
                party.kill9();
                throw new IllegalStateException("hand-off party did not finish:\n" + party.describe());
            }
            for (String line : party.stdout()) {
                if (line.startsWith("HOLD ")) {
                    String[] f = line.split(" ");
                    holds.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), p});
                }
            }
            party.close();
        }
        holds.sort((x, y) -> Long.compare(x[0], y[0]));
        Histogram handOffs = new Histogram(3);
        for (int i = 1; i < holds.size(); i++) {
            if (holds.get(i)[2] != holds.get(i - 1)[2]) { // handed to the other party
                handOffs.recordValue(Math.max(0, holds.get(i)[0] - holds.get(i - 1)[1]));
            }
        }
        return handOffs;
    }

    /** {p50 of one RPC round trip, p50 of one publish->delivery hop between two connections}, in ms. */
    private static double[] plainFigures(String uri, int cycles) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        try (Connection sender = factory.newConnection(); Connection receiver = factory.newConnection()) {
            Channel send = sender.createChannel();
            Channel receive = receiver.createChannel();
            // not exclusive: the other connection's passive declare (the round trip measured) may see it
            String queue = receive.queueDeclare("", false, false, true, null).getQueue();
            Histogram rtt = new Histogram(3);
            Histogram hop = new Histogram(3);
            BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(1);
            receive.basicConsume(queue, true, new DefaultConsumer(receive) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    arrivals.add(System.nanoTime());
                }
            });
            for (int i = 0; i < cycles; i++) {
                long t = System.nanoTime();
                send.queueDeclarePassive(queue);
                rtt.recordValue((System.nanoTime() - t) / 1000);
                long sent = System.nanoTime();
                send.basicPublish("", queue, null, new byte[16]);
                Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
                hop.recordValue((arrived - sent) / 1000);
            }
            return new double[] {rtt.getValueAtPercentile(50) / 1000.0, hop.getValueAtPercentile(50) / 1000.0};
        }
    }

    /** What a client declares in its namespace (jobs, events, dead letters...): the bench leaves nothing behind. */
    private static void cleanUp(String uri, String namespace) throws Exception {
        Topology topology = new Topology(namespace);
        List<String> queues = new ArrayList<>(List.of(topology.eventsStream(), topology.deadLettersQueue(),
                topology.deadNotifyQueue(), topology.cancellationStream()));
        for (Priority priority : Priority.values()) {
            queues.add(topology.jobsQueue(CallOptions.DEFAULT_QUEUE, priority));
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        try (Connection connection = factory.newConnection("bench cleanup"); Channel channel = connection.createChannel()) {
            for (String queue : queues) {
                channel.queueDelete(queue); // a missing queue is fine: delete is idempotent
            }
            for (String exchange : List.of(topology.deadLetterExchange(), topology.controlExchange(),
                    topology.delayedDeliveryExchange())) {
                channel.exchangeDelete(exchange);
            }
        }
    }

    static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
