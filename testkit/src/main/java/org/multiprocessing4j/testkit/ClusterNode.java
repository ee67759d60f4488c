package org.multiprocessing4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a {@link PrivateCluster}: its ports, data and log directories, and its processes.
 * The cluster's nodes share a HOME (one Erlang cookie) and an epmd, so they can find each other;
 * nothing is shared with the broker on 5672/4369.
 */
final class ClusterNode {
    static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Path dir;
    private final Path home;
    private final int epmdPort;
    private final int port;
    private final int distPort;
    private Process server;

    ClusterNode(String name, Path dir, Path home, int epmdPort) {
        this.name = name;
        this.dir = dir;
        this.home = home;
        this.epmdPort = epmdPort;
        this.port = Ports.free();
        this.distPort = Ports.free();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Writes the node's files: classic_config peer discovery lists every node of the cluster. */
    void prepare(List<String> peers) throws IOException {
        Files.createDirectories(dir.resolve("mnesia"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(dir.resolve("enabled_plugins"), "[].");
        Files.writeString(dir.resolve("rabbitmq-env.conf"), ""); // not /etc/rabbitmq's: it names the shared node
        Files.writeString(dir.resolve("advanced.config"), NodeDefaults.advancedConfig(NodeDefaults.RABBIT_APP_ENV));
        StringBuilder conf = new StringBuilder("cluster_formation.peer_discovery_backend = classic_config\n");
        for (int i = 0; i < peers.size(); i++) {
            conf.append("cluster_formation.classic_config.nodes.").append(i + 1).append(" = ").append(peers.get(i)).append('\n');
        }
        Files.writeString(dir.resolve("rabbitmq.conf"), conf.toString());
    }

    /** Starts the Erlang VM in the background; {@link #awaitReady} waits for it. */
    synchronized void launch() {
        if (isRunning()) {
            return;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()));
            builder.environment().putAll(serverEnvironment());
            Files.deleteIfExists(dir.resolve("pid")); // so that readiness waits for this run's pid
            server = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start rabbitmq-server for " + name, e);
        }
    }

    /** Waits until the node runs RabbitMQ (rabbitmqctl wait: the pid file, then the app started). */
    void awaitReady() {
        ChildProcess.Finished waited;
        try {
            waited = ChildProcess.run(ctlCommand("wait", dir.resolve("pid").toString(), "--timeout",
                    String.valueOf(START_TIMEOUT.toSeconds())), cliEnvironment(), START_TIMEOUT.plusSeconds(15));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("node " + name + " did not start:\n" + tail(), e);
        }
        if (waited.exit() != 0 || !isRunning()) {
            throw new IllegalStateException("node " + name + " did not start (rabbitmqctl wait: exit " + waited.exit()
                    + ")\n" + waited.text() + "\n" + tail());
        }
    }

    /** SIGKILL to the node's Erlang VM: nothing flushed, its clients' sockets are reset. */
    synchronized void kill9() {
        long pid = readPid();
        if (pid > 0 && ChildProcess.running(pid)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            awaitGone(pid);
        }
        if (server != null) {
            server.destroyForcibly(); // the rabbitmq-server script that waited for it
        }
    }

    /** A graceful stop (rabbitmqctl stop): the node tells its clients it is shutting down. */
    synchronized void stop() {
        long pid = readPid();
        if (pid <= 0 || !ChildProcess.running(pid)) {
            return;
        }
        ctl("stop");
        awaitGone(pid);
    }

    boolean isRunning() {
        long pid = readPid();
        return pid > 0 && ChildProcess.running(pid);
    }

    /** rabbitmqctl against this node: what it printed, stdout then stderr. */
    ChildProcess.Finished ctl(String... args) {
        return ChildProcess.run(ctlCommand(args), cliEnvironment(), Duration.ofSeconds(60));
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("server.out"));
            return "--- " + name + " server.out ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output from " + name + ")";
        }
    }

    private List<String> ctlCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", name));
        command.addAll(List.of(args));
        return command;
    }

    private Map<String, String> serverEnvironment() {
        Map<String, String> env = new HashMap<>(cliEnvironment());
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", String.valueOf(port));
        env.put("RABBITMQ_DIST_PORT", String.valueOf(distPort));
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());
        return env;
    }

    /** Not the node's ports: a CLI would try to bind them for itself. */
    private Map<String, String> cliEnvironment() {
        return Map.of(
                "HOME", home.toString(), // the cluster's one .erlang.cookie
                "RABBITMQ_NODENAME", name,
                "ERL_EPMD_PORT", String.valueOf(epmdPort),
                "ERL_EPMD_ADDRESS", "127.0.0.1",
                "RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
    }

    private long readPid() {
        try {
            return Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void awaitGone(long pid) {
        for (int i = 0; i < 300 && ChildProcess.running(pid); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
