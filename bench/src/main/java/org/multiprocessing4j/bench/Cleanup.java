package org.multiprocessing4j.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import org.multiprocessing4j.connection.BrokerSettings;

/** Deletes the queues and exchanges a run made outside this project's namespaces (baseline, peers). */
final class Cleanup {
    private Cleanup() {
    }

    static void delete(String uri, List<String> queues, List<String> exchanges) {
        if (queues.isEmpty() && exchanges.isEmpty()) {
            return;
        }
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
            try (Connection connection = factory.newConnection("bench cleanup")) {
                for (String queue : queues) {
                    // A channel each: deleting what is not there closes the channel, not the rest.
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(queue);
                    } catch (Exception ignored) {
                        // never declared
                    }
                }
                for (String exchange : exchanges) {
                    try (Channel channel = connection.createChannel()) {
                        channel.exchangeDelete(exchange);
                    } catch (Exception ignored) {
                        // never declared
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("bench: could not clean up the broker (" + BrokerSettings.defaults().withUri(uri).maskedUri()
                    + "): " + e.getMessage());
        }
    }
}
