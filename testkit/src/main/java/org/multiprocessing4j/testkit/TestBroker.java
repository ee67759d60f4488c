package org.multiprocessing4j.testkit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The broker one test class uses, with a namespace of its own so that classes never see each
 * other's work and a class's leftovers can be removed: {@link #cleanUp()} deletes every queue and
 * exchange whose name starts with the namespace.
 */
public final class TestBroker implements AutoCloseable {
    private final String uri;
    private final String namespace;

    public TestBroker(String uri, String namespace) {
        this.uri = uri;
        this.namespace = namespace;
    }

    public static TestBroker forClass(Class<?> testClass) {
        String shortName = testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "");
        return new TestBroker(BrokerLocator.uri(),
                "t." + shortName + "." + UUID.randomUUID().toString().substring(0, 8));
    }

    public String uri() {
        return uri;
    }

    public String namespace() {
        return namespace;
    }

    /** A plain amqp-client connection, for tests that look at the broker directly. */
    public Connection newConnection() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception e) {
            throw new IllegalStateException("bad broker URI", e);
        }
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("mp4j-test " + namespace);
    }

    /** Number of ready messages in a queue, read the exact way (passive declare). */
    public int messageCount(String queue) throws IOException, TimeoutException {
        try (Connection connection = newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    /** The names of this namespace's queues on the broker (complete on a local broker, see below). */
    public List<String> queues() {
        return listNamespaceQueues();
    }

    /** Deletes every queue and exchange of this namespace. */
    public void cleanUp() {
        List<String> queues = listNamespaceQueues();
        try (Connection connection = newConnection()) {
            for (String queue : queues) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                } catch (IOException | RuntimeException ignored) {
                    // already gone
                }
            }
            for (String exchange : listNamespaceExchanges()) {
                try (Channel channel = connection.createChannel()) {
                    channel.exchangeDelete(exchange);
                } catch (IOException | RuntimeException ignored) {
                    // never declared
                }
            }
        } catch (IOException | TimeoutException e) {
            System.err.println("test cleanup could not reach the broker: " + e);
        }
    }

    /**
     * Queue names of this namespace. rabbitmqctl sees every queue on a local broker; elsewhere
     * only the fixed topology names are known (reply queues then expire on their own).
     */
    private List<String> listNamespaceQueues() {
        List<String> names = new ArrayList<>(List.of(namespace + ".jobs", namespace + ".dead.letters",
                namespace + ".dead.notify", namespace + ".cancellations"));
        if (!BrokerLocator.isLocal()) {
            return names;
        }
        try {
            ChildProcess.run(List.of("rabbitmqctl", "-q", "list_queues", "name", "--no-table-headers"), Map.of(),
                            Duration.ofSeconds(30)).output().stream().map(String::trim)
                    .filter(name -> name.startsWith(namespace + ".") && !names.contains(name))
                    .forEach(names::add);
        } catch (IllegalStateException e) {
            // rabbitmqctl not installed, or stuck: fixed names only
            System.err.println("test cleanup lists fixed queue names only: " + e.getMessage());
        }
        return names;
    }

    /** Exchange names of this namespace: the fixed ones, and on a local broker every one rabbitmqctl lists (delay levels). */
    private List<String> listNamespaceExchanges() {
        List<String> names = new ArrayList<>(List.of(namespace + ".dead", namespace + ".control",
                namespace + ".delay.deliver"));
        if (!BrokerLocator.isLocal()) {
            return names;
        }
        try {
            ChildProcess.run(List.of("rabbitmqctl", "-q", "list_exchanges", "name", "--no-table-headers"), Map.of(),
                            Duration.ofSeconds(30)).output().stream().map(String::trim)
                    .filter(name -> name.startsWith(namespace + ".") && !names.contains(name))
                    .forEach(names::add);
        } catch (IllegalStateException e) {
            System.err.println("test cleanup lists fixed exchange names only: " + e.getMessage());
        }
        return names;
    }

    @Override
    public void close() {
        cleanUp();
    }
}
