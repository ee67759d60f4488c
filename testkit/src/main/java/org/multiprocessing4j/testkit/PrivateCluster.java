package org.multiprocessing4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A RabbitMQ cluster of the test's own: three private nodes (as {@link PrivateBroker} makes one:
 * own ports, data, logs) that share one Erlang cookie and one epmd of their own, and find each
 * other with classic_config peer discovery. Starting takes 15-50 s on the busy 2-core machines:
 * start it once per test class. Nodes still running when the JVM exits are killed. Nodes are numbered from 0.
 *
 * <pre>{@code
 * try (PrivateCluster cluster = PrivateCluster.start("ha")) {
 *     cluster.uri();        // amqp://guest:guest@127.0.0.1:p0,127.0.0.1:p1,127.0.0.1:p2/%2F
 *     cluster.uriOf(1);     // node 1 alone
 *     cluster.kill(1);      // kill -9 its Erlang VM
 *     cluster.restart(1);   // same data: it rejoins the cluster
 * }
 * }</pre>
 */
public final class PrivateCluster implements AutoCloseable {
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final List<ClusterNode> nodes;
    private final Process epmd;
    /** A test JVM that ends without close() (a timeout, a crash) must not leave three brokers behind. */
    private final Thread killOnExit = new Thread(this::killAll, "kill-private-cluster");
    private Duration startTime = Duration.ZERO;

    private PrivateCluster(Path dir, List<ClusterNode> nodes, Process epmd) {
        this.dir = dir;
        this.nodes = nodes;
        this.epmd = epmd;
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Three nodes, started together, clustered, and ready. */
    public static PrivateCluster start(String name) {
        return start(name, 3);
    }

    public static PrivateCluster start(String name, int size) {
        if (!PrivateBroker.available()) {
            throw new IllegalStateException("private clusters need RabbitMQ installed under " + ClusterNode.BIN
                    + " (apt-get install rabbitmq-server)");
        }
        long began = System.nanoTime();
        PrivateCluster cluster = create(name, size);
        try {
            cluster.nodes.forEach(ClusterNode::launch);
            cluster.nodes.forEach(ClusterNode::awaitReady);
            cluster.awaitClustered(size);
        } catch (RuntimeException e) {
            String tails = cluster.nodes.stream().map(ClusterNode::tail).collect(Collectors.joining("\n"));
            cluster.close();
            throw new IllegalStateException(e.getMessage() + "\n" + tails, e);
        }
        cluster.startTime = Duration.ofNanos(System.nanoTime() - began);
        return cluster;
    }

    private static PrivateCluster create(String name, int size) {
        try {
            Path dir = Files.createTempDirectory("mp4j-cluster-" + name + "-");
            Path home = Files.createDirectories(dir.resolve("home"));
            writeCookie(home.resolve(".erlang.cookie"));
            int epmdPort = Ports.free();
            Process epmd = new ProcessBuilder("epmd", "-port", String.valueOf(epmdPort), "-address", "127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            List<ClusterNode> nodes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                nodes.add(new ClusterNode(name + "-" + i + "@localhost", dir.resolve("node" + i), home, epmdPort));
            }
            List<String> names = nodes.stream().map(ClusterNode::name).toList();
            for (ClusterNode node : nodes) {
                node.prepare(names);
            }
            return new PrivateCluster(dir, nodes, epmd);
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare a private cluster", e);
        }
    }

    /** A random cookie, readable by its owner only (Erlang refuses any other). */
    private static void writeCookie(Path cookie) throws IOException {
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        Files.writeString(cookie, HexFormat.of().formatHex(random));
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
    }

    /** How long {@link #start} took, from nothing to every node running in one cluster. */
    public Duration startTime() {
        return startTime;
    }

    public int size() {
        return nodes.size();
    }

    /** Every node, in order: what a client of the cluster is given. */
    public String uri() {
        return "amqp://guest:guest@" + IntStream.range(0, nodes.size()).mapToObj(i -> "127.0.0.1:" + port(i))
                .collect(Collectors.joining(",")) + "/%2F";
    }

    /** Node {@code node} alone. */
    public String uriOf(int node) {
        return PrivateBroker.uriOnPort(port(node));
    }

    public int port(int node) {
        return nodes.get(node).port();
    }

    /** The Erlang node name, e.g. {@code ha-1@localhost}. */
    public String nodeName(int node) {
        return nodes.get(node).name();
    }

    /** The node listening on a port, as in a {@code host:port} a client reports; -1 if none. */
    public int nodeOnPort(int port) {
        return IntStream.range(0, nodes.size()).filter(i -> port(i) == port).findFirst().orElse(-1);
    }

    /** The node whose Erlang name is given (as rabbitmqctl prints it); -1 if none. */
    public int nodeNamed(String erlangName) {
        return IntStream.range(0, nodes.size()).filter(i -> nodeName(i).equals(erlangName)).findFirst().orElse(-1);
    }

    public boolean isRunning(int node) {
        return nodes.get(node).isRunning();
    }

    /** kill -9 of the node's Erlang VM (the pid it recorded). */
    public void kill(int node) {
        nodes.get(node).kill9();
    }

    /** A graceful stop (rabbitmqctl stop). */
    public void stop(int node) {
        nodes.get(node).stop();
    }

    /** Starts the node again on its data (stopping it first if it runs) and waits until it is back in the cluster. */
    public void restart(int node) {
        ClusterNode target = nodes.get(node);
        if (target.isRunning()) {
            target.stop();
        }
        target.launch();
        target.awaitReady();
        awaitClustered((int) IntStream.range(0, nodes.size()).filter(this::isRunning).count());
    }

    /** rabbitmqctl against a running node; fails if it exits non-zero. */
    public String ctl(int node, String... args) {
        ChildProcess.Finished finished = nodes.get(node).ctl(args);
        if (finished.exit() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " on " + nodeName(node)
                    + " failed (exit " + finished.exit() + "):\n" + finished.text());
        }
        return finished.text();
    }

    /**
     * The node that leads a quorum queue (or hosts a classic queue), asked of any running node;
     * -1 if the queue has no leader right now.
     */
    public int leaderOf(String queue) {
        int asked = IntStream.range(0, nodes.size()).filter(this::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of the cluster runs"));
        for (String line : ctl(asked, "list_queues", "-q", "--no-table-headers", "name", "leader", "pid").split("\n")) {
            String[] columns = line.split("\t", -1); // name, leader (quorum queues and streams), pid (classic queues)
            if (columns.length == 3 && columns[0].equals(queue)) {
                String leader = !columns[1].isEmpty() ? columns[1]
                        : columns[2].replaceAll("^<(.*)\\.\\d+\\.\\d+\\.\\d+>$", "$1"); // <node.x.y.z>
                return nodeNamed(leader);
            }
        }
        return -1;
    }

    /**
     * The node of each client connection whose client-provided name contains {@code namePart}
     * (multiprocessing4j names them "mp4j producer ...", "mp4j worker ..."), asked of a running node.
     */
    public List<Integer> nodesOfConnections(String namePart) {
        int asked = IntStream.range(0, nodes.size()).filter(this::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of the cluster runs"));
        List<Integer> found = new ArrayList<>();
        for (String line : ctl(asked, "list_connections", "-q", "--no-table-headers", "port", "client_properties").split("\n")) {
            String[] columns = line.split("\t", 2); // the node's port, the client's properties
            if (columns.length == 2 && columns[1].contains("\"connection_name\",\"") && columns[1].contains(namePart)) {
                found.add(nodeOnPort(Integer.parseInt(columns[0].trim())));
            }
        }
        return found;
    }

    /** Waits until a running node counts {@code running} nodes running in its cluster. */
    private void awaitClustered(int running) {
        int asked = IntStream.range(0, nodes.size()).filter(this::isRunning).findFirst().orElse(0);
        long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            ChildProcess.Finished status = nodes.get(asked).ctl("eval", "length(rabbit_nodes:all_running()).");
            seen = status.text().trim();
            if (status.exit() == 0 && seen.equals(String.valueOf(running))) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the cluster did not reach " + running + " running nodes within "
                + FORM_TIMEOUT.toSeconds() + " s (" + nodeName(asked) + " counts: " + seen + ")");
    }

    /** Kills every node it started (by recorded pid) and its epmd, and deletes the data. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // already shutting down: the hook runs anyway
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir; the OS cleans it eventually
        }
    }

    private void killAll() {
        nodes.forEach(ClusterNode::kill9);
        epmd.destroyForcibly(); // ours alone: started in the foreground, so we hold its process
    }
}
