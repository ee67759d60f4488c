package org.multiprocessing4j.testkit;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A RabbitMQ node of a test's own, on free ports, with its own data, cookie and epmd, so that the
 * test can kill -9 it, restart it or configure it (consumer_timeout, max_message_size, TLS)
 * without touching the shared broker on 5672. Follows BROKER-FACTS.md: the binaries under
 * /usr/lib/rabbitmq/bin directly, every location and port overridden.
 *
 * <pre>{@code
 * try (PrivateBroker node = PrivateBroker.builder("faults").conf("consumer_timeout", "5000").start()) {
 *     node.uri();      // amqp://guest:guest@127.0.0.1:<port>/%2F
 *     node.kill9();    // the beam process, SIGKILL
 *     node.start();    // same data: durable queues and persistent messages are back
 * }
 * }</pre>
 */
public final class PrivateBroker implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    /**
     * A node boots in 5-15 s on a quiet 2-core machine; with the build's test modules side by side
     * (load ~15) a TLS node once needed more than 60 s. Still under JUnit's 3-minute method timeout.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final String node;
    private final NodeFiles files;
    private final int port;
    private final int epmdPort;
    private final Integer tlsPort;
    private Process server;
    private Process epmd;

    private PrivateBroker(String name, Path dir, Integer tlsPort) {
        this.node = name + "@localhost";
        this.port = Ports.free();
        this.epmdPort = Ports.free();
        this.files = new NodeFiles(node, dir, port, Ports.free(), epmdPort);
        this.tlsPort = tlsPort;
    }

    /** True where this machine can run private nodes (RabbitMQ installed as on the project's machines). */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("rabbitmq-server"));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final Map<String, String> conf = new LinkedHashMap<>();
        private final List<String> rabbitAppEnv = new ArrayList<>(NodeDefaults.RABBIT_APP_ENV);
        private TlsMaterial tls;

        private Builder(String name) {
            this.name = name;
        }

        /** A rabbitmq.conf setting, e.g. {@code conf("max_message_size", "1048576")}. */
        public Builder conf(String key, String value) {
            conf.put(key, value);
            return this;
        }

        /**
         * An Erlang term for the rabbit application's environment (advanced.config), e.g. {@code {channel_tick_interval, 1000}};
         * it replaces a default of the same key (NodeDefaults).
         */
        public Builder rabbitEnv(String term) {
            rabbitAppEnv.removeIf(existing -> NodeDefaults.key(existing).equals(NodeDefaults.key(term)));
            rabbitAppEnv.add(term);
            return this;
        }

        /** Adds a TLS listener with this server certificate. */
        public Builder tls(TlsMaterial tls) {
            this.tls = tls;
            return this;
        }

        /** Starts the node and waits until it accepts connections. */
        public PrivateBroker start() {
            PrivateBroker broker = create();
            try {
                broker.start();
            } catch (RuntimeException e) {
                // A node too slow to start would otherwise outlive the test that gave up on it.
                broker.close();
                throw e;
            }
            return broker;
        }

        /** Prepares the node (ports, data, config, epmd) without starting it: clients can be pointed at it first. */
        public PrivateBroker create() {
            if (!available()) {
                throw new IllegalStateException("private broker nodes need RabbitMQ installed under " + BIN
                        + " (apt-get install rabbitmq-server)");
            }
            try {
                Path dir = Files.createTempDirectory("mp4j-node-" + name + "-");
                PrivateBroker broker = new PrivateBroker(name, dir, tls == null ? null : Ports.free());
                broker.files.write(conf, rabbitAppEnv, tls, broker.tlsPort);
                broker.startEpmd();
                return broker;
            } catch (IOException e) {
                throw new IllegalStateException("could not prepare a private broker node", e);
            }
        }
    }

    public int port() {
        return port;
    }

    public Integer tlsPort() {
        return tlsPort;
    }

    /** The node's AMQP URI (guest may connect from loopback). */
    public String uri() {
        return uriOnPort(port);
    }

    /** The URI as seen through something listening on another port (a proxy in front of this node). */
    public static String uriOnPort(int port) {
        return "amqp://guest:guest@127.0.0.1:" + port + "/%2F";
    }

    public String tlsUri() {
        return "amqps://guest:guest@localhost:" + tlsPort + "/%2F";
    }

    /** Starts (or restarts, on the same data) the node and waits until it accepts AMQP connections. */
    public synchronized void start() {
        if (server != null && server.isAlive()) {
            return;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString())
                    .redirectErrorStream(true).redirectOutput(files.serverOutput().toFile());
            builder.environment().putAll(files.serverEnvironment());
            server = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start rabbitmq-server", e);
        }
        awaitReady();
    }

    /** SIGKILL to the node's Erlang VM: nothing is flushed, clients see their connections drop. */
    public synchronized void kill9() {
        long pid = beamPid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone(pid);
        if (server != null) {
            server.destroyForcibly();
        }
    }

    /** A graceful stop (rabbitmqctl stop). */
    public synchronized void stop() {
        long pid = beamPid();
        ctl("stop");
        awaitGone(pid);
    }

    /** Runs rabbitmqctl against this node and returns what it printed. */
    public String ctl(String... args) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(args));
        // Not the node's ports: the CLI would try to bind them for itself.
        return ChildProcess.run(command, files.cliEnvironment(), Duration.ofSeconds(60)).text();
    }

    /** A plain client connection (no recovery), for looking at the node directly. */
    public Connection newConnection() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri());
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("mp4j-test-admin");
    }

    @Override
    public synchronized void close() {
        try {
            long pid = files.readPid();
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                awaitGone(pid);
            }
        } catch (RuntimeException ignored) {
            // never started
        }
        if (server != null) {
            server.destroyForcibly();
        }
        if (epmd != null) {
            epmd.destroyForcibly(); // ours alone: started in the foreground, so we hold its process
        }
        files.delete();
    }

    // ---- internals --------------------------------------------------------------------------

    private void startEpmd() {
        try {
            epmd = new ProcessBuilder("epmd", "-port", String.valueOf(epmdPort), "-address", "127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start epmd", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = newConnection()) {
                return;
            } catch (Exception notYet) {
                if (server != null && !server.isAlive()) {
                    throw new IllegalStateException("the private node " + node + " exited while starting:\n" + files.tail());
                }
                sleep(200);
            }
        }
        throw new IllegalStateException("the private node " + node + " did not start within "
                + START_TIMEOUT.toSeconds() + " s:\n" + files.tail());
    }

    private long beamPid() {
        long pid = files.readPid();
        if (pid <= 0) {
            throw new IllegalStateException("no pid file for " + node);
        }
        return pid;
    }

    private static void awaitGone(long pid) {
        for (int i = 0; i < 300 && ChildProcess.running(pid); i++) {
            sleep(100);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
