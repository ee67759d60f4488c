package org.multiprocessing4j.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.queue.Replication;

/**
 * What replication costs (issue 14 item 2), classic (one node) against quorum (replicated), on the
 * broker or cluster at {@code --uri}: declaring a queue (what every producer pays once for its reply
 * queue), and a user queue's put-then-get throughput through {@code RemoteQueue}. Rounds alternate
 * the two kinds so both see the same machine noise; medians are printed.
 *
 * <pre>
 * java -cp bench/target/mp4j-bench.jar org.multiprocessing4j.bench.ReplicationCost [URI] [ROUNDS] [ITEMS]
 * </pre>
 */
public final class ReplicationCost {
    private ReplicationCost() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args.length > 0 ? args[0] : System.getenv().getOrDefault("AMQP_URI", "amqp://guest:guest@localhost:5672/%2F");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        String namespace = "bench-repl-" + UUID.randomUUID().toString().substring(0, 6);
        List<Double> declareClassic = new ArrayList<>();
        List<Double> declareQuorum = new ArrayList<>();
        List<double[]> queueClassic = new ArrayList<>();
        List<double[]> queueQuorum = new ArrayList<>();
        BrokerSettings settings = BrokerSettings.defaults().withUri(uri).withNamespace(namespace);
        try (Connection connection = plain(settings); Multiprocessing mp = Multiprocessing.builder().settings(settings)
                .output(OutputSink.discard()).connect()) {
            for (int round = 0; round < rounds; round++) {
                declareClassic.add(declareMillis(connection, namespace, "classic"));
                declareQuorum.add(declareMillis(connection, namespace, "quorum"));
                queueClassic.add(putGetPerSecond(mp, "c" + round, Replication.SINGLE_NODE, items));
                queueQuorum.add(putGetPerSecond(mp, "q" + round, Replication.REPLICATED, items));
            }
        }
        System.out.printf("replication cost on %s (%d rounds, medians; indicative on a shared machine)%n",
                settings.maskedUri(), rounds);
        System.out.printf("  declare + delete a reply queue:  classic %.1f ms, quorum %.1f ms%n",
                median(declareClassic), median(declareQuorum));
        for (int i = 0; i < 2; i++) {
            String what = i == 0 ? "put" : "get";
            double classic = median(queueClassic.stream().map(r -> r[0]).toList());
            double replicated = median(queueQuorum.stream().map(r -> r[0]).toList());
            if (i == 1) {
                classic = median(queueClassic.stream().map(r -> r[1]).toList());
                replicated = median(queueQuorum.stream().map(r -> r[1]).toList());
            }
            System.out.printf("  RemoteQueue %s, %d items one at a time: classic %.0f items/s, replicated %.0f items/s (%.2fx)%n",
                    what, items, classic, replicated, replicated / classic);
        }
    }

    private static Connection plain(BrokerSettings settings) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(settings.nodeUri(settings.nodes().get(0)));
        return factory.newConnection("mp4j bench replication");
    }

    /** The mean time to declare a reply-like queue of {@code type} and delete it, over 20. */
    private static double declareMillis(Connection connection, String namespace, String type) throws Exception {
        try (Channel channel = connection.createChannel()) {
            long began = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                String name = namespace + ".declare." + type + "." + i;
                channel.queueDeclare(name, true, false, false, Map.of("x-queue-type", type, "x-expires", 3_600_000L));
                channel.queueDelete(name);
            }
            return (System.nanoTime() - began) / 1e6 / 20;
        }
    }

    /** {puts per second, gets per second}. */
    private static double[] putGetPerSecond(Multiprocessing mp, String name, Replication replication, int items) {
        RemoteQueue queue = mp.queue(name, 0, replication);
        try {
            long began = System.nanoTime();
            for (int i = 0; i < items; i++) {
                queue.put(i);
            }
            long put = System.nanoTime();
            for (int i = 0; i < items; i++) {
                queue.get(Duration.ofSeconds(30));
            }
            return new double[] {items / ((put - began) / 1e9), items / ((System.nanoTime() - put) / 1e9)};
        } finally {
            queue.delete();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
