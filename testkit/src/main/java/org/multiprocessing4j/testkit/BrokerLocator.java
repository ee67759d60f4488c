package org.multiprocessing4j.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * Finds the broker tests run against, in the order DESIGN.md fixes: {@code AMQP_URI} if set; a
 * broker listening on localhost:5672; a Testcontainers RabbitMQ when Docker runs; otherwise it
 * fails and says how to get a broker. Resolved once per JVM.
 */
public final class BrokerLocator {
    public static final String LOCAL_URI = "amqp://guest:guest@localhost:5672/%2F";
    private static final String IMAGE = "rabbitmq:3.13-management";
    private static volatile String resolved;
    private static RabbitMQContainer container;

    private BrokerLocator() {
    }

    public static synchronized String uri() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private static String resolve() {
        String fromEnv = System.getenv("AMQP_URI");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        if (listening("localhost", 5672)) {
            return LOCAL_URI;
        }
        if (dockerAvailable()) {
            container = new RabbitMQContainer(IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-broker"));
            return container.getAmqpUrl();
        }
        throw new IllegalStateException("These tests need a RabbitMQ broker and found none: AMQP_URI is not set, "
                + "nothing listens on localhost:5672, and Docker is not available for Testcontainers. "
                + "Start one with 'rabbitmq-server -detached' (or scripts/broker), or set AMQP_URI.");
    }

    /** True when the resolved broker runs on this machine (so rabbitmqctl can see it). */
    public static boolean isLocal() {
        String host = URI.create(uri()).getHost();
        return container == null && ("localhost".equals(host) || "127.0.0.1".equals(host));
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
