package org.multiprocessing4j.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.Map;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.queue.Replication;

/**
 * What one kind of queue ({@link Replication}) costs: declaring and deleting one (what every
 * producer pays once for its reply queue), and a user queue's put-then-get throughput through
 * {@code RemoteQueue}, one item at a time. Its connections stay open across rounds.
 */
final class QueueCosts implements AutoCloseable {
    /** One measurement of one kind. */
    record Figures(double declareMs, double putsPerSecond, double getsPerSecond) {
    }

    /** Declares per measurement: one takes a few ms, so a mean over several. */
    private static final int DECLARES = 20;
    private final String namespace;
    private final Connection connection;
    private final Multiprocessing mp;
    private int queues;

    QueueCosts(String uri, String namespace) throws Exception {
        this.namespace = namespace;
        BrokerSettings settings = BrokerSettings.defaults().withUri(uri).withNamespace(namespace);
        ConnectionFactory factory = new ConnectionFactory();
        // The first node of a cluster URI: amqp-client takes one node's URI.
        factory.setUri(settings.nodeUri(settings.nodes().get(0)));
        connection = factory.newConnection("mp4j bench replication");
        mp = Multiprocessing.builder().settings(settings).output(OutputSink.discard()).connect();
    }

    Figures measure(Replication replication, int items) throws Exception {
        double declare = declareMillis(replication == Replication.REPLICATED ? "quorum" : "classic");
        double[] putGet = putGetPerSecond(replication, items);
        return new Figures(declare, putGet[0], putGet[1]);
    }

    /** The mean time to declare a reply-like queue of {@code type} and delete it. */
    private double declareMillis(String type) throws Exception {
        try (Channel channel = connection.createChannel()) {
            long began = System.nanoTime();
            for (int i = 0; i < DECLARES; i++) {
                // In the run's namespace, so that one left by a failure is deleted with it.
                String name = namespace + ".declare." + type + "." + i;
                channel.queueDeclare(name, true, false, false, Map.of("x-queue-type", type, "x-expires", 3_600_000L));
                channel.queueDelete(name);
            }
            return (System.nanoTime() - began) / 1e6 / DECLARES;
        }
    }

    /** {puts per second, gets per second}, on a fresh queue deleted afterwards. */
    private double[] putGetPerSecond(Replication replication, int items) {
        RemoteQueue queue = mp.queue("items-" + replication.name().toLowerCase() + "-" + queues++, 0, replication);
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

    @Override
    public void close() throws Exception {
        try {
            mp.close();
        } finally {
            connection.close();
        }
    }
}
