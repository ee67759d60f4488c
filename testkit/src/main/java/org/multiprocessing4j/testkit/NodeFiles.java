package org.multiprocessing4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a private node keeps everything (data, logs, config, cookie, pid) and the environment that
 * points rabbitmq-server and rabbitmqctl there, so nothing of the shared broker's is read or written.
 */
final class NodeFiles {
    private final String node;
    private final Path dir;
    private final int port;
    private final int distPort;
    private final int epmdPort;

    NodeFiles(String node, Path dir, int port, int distPort, int epmdPort) {
        this.node = node;
        this.dir = dir;
        this.port = port;
        this.distPort = distPort;
        this.epmdPort = epmdPort;
    }

    Path dir() {
        return dir;
    }

    Path serverOutput() {
        return dir.resolve("server.out");
    }

    /** For rabbitmq-server: the CLI's environment plus every location and port of the node. */
    Map<String, String> serverEnvironment() {
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

    /** For rabbitmqctl: the node's name, cookie and epmd, but not its ports (the CLI would bind them). */
    Map<String, String> cliEnvironment() {
        return Map.of(
                "HOME", dir.resolve("home").toString(), // its own .erlang.cookie
                "RABBITMQ_NODENAME", node,
                "ERL_EPMD_PORT", String.valueOf(epmdPort),
                "ERL_EPMD_ADDRESS", "127.0.0.1",
                "RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
    }

    void write(Map<String, String> conf, List<String> rabbitAppEnv, TlsMaterial tls, Integer tlsPort) throws IOException {
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("mnesia"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(dir.resolve("enabled_plugins"), "[].");
        Files.writeString(dir.resolve("rabbitmq-env.conf"), ""); // not /etc/rabbitmq's: it names the shared node
        StringBuilder text = new StringBuilder();
        conf.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        if (tls != null) {
            text.append("listeners.ssl.default = ").append(tlsPort).append('\n')
                    .append("ssl_options.cacertfile = ").append(tls.caCertificate()).append('\n')
                    .append("ssl_options.certfile = ").append(tls.serverCertificate()).append('\n')
                    .append("ssl_options.keyfile = ").append(tls.serverKey()).append('\n')
                    .append("ssl_options.verify = verify_none\n")
                    .append("ssl_options.fail_if_no_peer_cert = false\n");
        }
        Files.writeString(dir.resolve("rabbitmq.conf"), text.toString());
        Files.writeString(dir.resolve("advanced.config"), NodeDefaults.advancedConfig(rabbitAppEnv));
    }

    /** The Erlang VM's pid from the node's pid file, -1 before the node wrote it. */
    long readPid() {
        try {
            return Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The server's last 30 lines of output, for a start that failed. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(serverOutput());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    void delete() {
        keepLogsIfAsked();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir; the OS cleans it eventually
        }
    }

    /** -Dmp4j.keepNodeLogs=DIR keeps a private node's logs after the test, to read what the broker did. */
    private void keepLogsIfAsked() {
        String keep = System.getProperty("mp4j.keepNodeLogs");
        if (keep == null || keep.isBlank()) {
            return;
        }
        Path target = Path.of(keep).resolve(dir.getFileName());
        try (Stream<Path> logs = Files.walk(dir.resolve("log"))) {
            for (Path log : (Iterable<Path>) logs::iterator) {
                Path copy = target.resolve(dir.resolve("log").relativize(log).toString());
                if (Files.isDirectory(log)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(log, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("could not keep the node's logs in " + target + ": " + e);
        }
    }
}
