package org.multiprocessing4j.cli.support;

import java.nio.file.Path;
import java.time.Duration;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where the broker is: shared by every command (a picocli mixin, inherited by subcommands). */
public final class BrokerOptions {
    @Option(names = "--uri", paramLabel = "URI", scope = ScopeType.INHERIT, defaultValue = "${env:AMQP_URI}",
            description = "Broker URI, amqp:// or amqps:// (env AMQP_URI; default: localhost:5672, guest/guest, vhost /).")
    String uri;

    @Option(names = "--namespace", paramLabel = "NS", scope = ScopeType.INHERIT, defaultValue = "${env:MP4J_NAMESPACE}",
            description = "Prefix of every queue and exchange; must match the workers' (env MP4J_NAMESPACE; default mp4j).")
    String namespace;

    @Option(names = "--tls-ca", paramLabel = "PEM", scope = ScopeType.INHERIT, defaultValue = "${env:MP4J_TLS_CA}",
            description = "For amqps://: CA certificates to trust, instead of the JVM's trust store (env MP4J_TLS_CA).")
    String tlsCa;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT, defaultValue = "8",
            description = "How long to keep trying to reach the broker (default ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--no-events", scope = ScopeType.INHERIT,
            description = "Do not record the jobs submitted in the events stream (history, logs, dashboard).")
    boolean noEvents;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    boolean debug;

    /** True with --debug: stack traces for every error. */
    public boolean debug() {
        return debug;
    }

    BrokerSettings settings() {
        if (connectTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("--connect-timeout must be positive, got " + connectTimeoutSeconds);
        }
        BrokerSettings settings = BrokerSettings.defaults().withConnectTimeout(Duration.ofSeconds(connectTimeoutSeconds));
        if (uri != null && !uri.isBlank()) {
            settings = settings.withUri(uri.trim());
        }
        if (namespace != null && !namespace.isBlank()) {
            settings = settings.withNamespace(namespace.trim());
        }
        if (tlsCa != null && !tlsCa.isBlank()) {
            settings = settings.withTlsCaFile(Path.of(tlsCa.trim()));
        }
        return settings;
    }

    /** A client whose task output goes to {@code output} and process failures to {@code errors}. */
    Multiprocessing connect(OutputSink output, java.io.PrintWriter errors) {
        return Multiprocessing.builder().settings(settings()).output(output).events(!noEvents, "1D")
                .errorOutput(line -> {
                    errors.println(line);
                    errors.flush();
                }).connect();
    }
}
