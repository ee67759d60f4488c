package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.multiprocessing4j.connection.BrokerNode;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.BrokerUnavailableException;
import org.multiprocessing4j.errors.MpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the one connection a worker or producer uses, to any node of {@link BrokerSettings#nodes()}.
 *
 * <p>amqp-client recovers a connection that was lost, but never retries a first connection
 * that failed; this class does, with exponential backoff bounded by
 * {@link BrokerSettings#connectTimeout()}, then fails with a message that names the masked URI.
 *
 * <p>With several nodes, each attempt (the first connection and every recovery) tries them in a
 * fresh random order until one answers, so clients spread over a cluster and a client whose node
 * died moves to a live one. {@link #node} says where a connection is; the log says it too, once
 * on connecting and once per lost and recovered link.
 */
public final class Connector {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    /** An RPC to a broker that stopped answering must not hang a caller for amqp-client's default 10 minutes. */
    private static final int CHANNEL_RPC_TIMEOUT_MS = 30_000;
    /**
     * With several nodes, how long one node may take to answer the AMQP handshake before the next
     * is tried. amqp-client tries a list's addresses in turn within one attempt (a failure on one is
     * not even reported), so a node that accepts the TCP connection but is too busy, frozen or half
     * dead to answer held a whole failover for the default handshake timeout (10 s): the phase-1
     * "first task after 11 s" (1 s recovery interval + 10 s), with no failed attempt logged.
     */
    private static final int CLUSTER_HANDSHAKE_TIMEOUT_MS = 4_000;
    /** With several nodes, how long a TCP connect to one may take before the next is tried. */
    private static final int CLUSTER_CONNECT_TIMEOUT_MS = 3_000;

    private Connector() {
    }

    /**
     * @param role what this connection is for, shown in the broker's connection list
     *             (for example {@code worker w1@host pid 42})
     */
    public static Connection connect(BrokerSettings settings, String role) {
        ConnectionFactory factory = factory(settings);
        List<Address> addresses = addresses(settings);
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        Duration backoff = FIRST_BACKOFF;
        int attempt = 0;
        while (true) {
            attempt++;
            // Each attempt may wait only for what is left, so an unreachable host fails on time too.
            long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            factory.setConnectionTimeout((int) Math.min(leftMs / addresses.size() + 1, connectTimeoutCap(settings)));
            try {
                Connection connection = factory.newConnection(addresses, "mp4j " + role);
                log.info("connected to node {}{}", node(connection), attempt > 1 ? " after " + attempt + " attempts" : "");
                NodeLog.attach(connection);
                return connection;
            } catch (PossibleAuthenticationFailureException e) {
                throw new BrokerUnavailableException("the broker at " + settings.maskedUri()
                        + " refused the credentials (check the user and password in the URI or AMQP_URI)", null);
            } catch (IOException | TimeoutException e) {
                if (tlsRefused(e)) {
                    // Not transient: retrying would only hide the cause.
                    throw new BrokerUnavailableException("TLS to " + settings.maskedUri() + " failed: " + describe(e)
                            + ". Trust the broker's CA with --tls-ca / MP4J_TLS_CA (a PEM file) or the JVM's trust store"
                            + " (-Djavax.net.ssl.trustStore), and use the host name its certificate names.", null);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new BrokerUnavailableException("cannot reach the broker at " + settings.maskedUri()
                            + " after " + attempt + " attempts in " + settings.connectTimeout().toSeconds() + " s: "
                            + describe(e) + ". Start one (scripts/broker or docker compose up rabbitmq) "
                            + "or point AMQP_URI / --uri at a running broker.", null);
                }
                log.debug("broker at {} not reachable yet ({}), retrying", settings.maskedUri(), describe(e));
                sleep(Math.min(backoff.toNanos(), left));
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * The node a connection is on now, as {@code host:port} (the host as written in the URI when
     * the connection was made by name, else its address): for logs and status tables.
     */
    public static String node(Connection connection) {
        InetAddress address = connection.getAddress();
        if (address == null) {
            return "?:" + connection.getPort();
        }
        // toString() is "name/address" and never does a reverse lookup, unlike getHostName().
        String text = address.toString();
        int slash = text.indexOf('/');
        String host = slash > 0 ? text.substring(0, slash) : address.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + connection.getPort();
    }

    /**
     * Shuffled here for each client so that clients given the same list spread over the nodes;
     * amqp-client shuffles again before each recovery attempt, so a client whose node died lands
     * on any live one.
     */
    static List<Address> addresses(BrokerSettings settings) {
        List<Address> addresses = new ArrayList<>();
        for (BrokerNode node : settings.nodes()) {
            addresses.add(new Address(node.host(), node.port()));
        }
        Collections.shuffle(addresses);
        return addresses;
    }

    static ConnectionFactory factory(BrokerSettings settings) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            // Credentials, virtual host and TLS from the URI; the nodes are passed to newConnection.
            factory.setUri(settings.nodeUri(settings.nodes().get(0)));
            if (settings.tls()) {
                // setUri() installs a trust-everything TLS context for amqps; trust the given CA file or
                // the JVM's trust store (javax.net.ssl.trustStore) instead, and check the host name.
                factory.useSslProtocol(settings.tlsCaFile() != null ? trusting(settings.tlsCaFile()) : SSLContext.getDefault());
                factory.enableHostnameVerification();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Their messages quote the URI, password included (BrokerSettings refuses such URIs first).
            throw new MpException("cannot use broker URI " + settings.maskedUri(), null);
        } catch (GeneralSecurityException | IOException e) {
            throw new MpException("cannot use broker URI " + settings.maskedUri() + ": " + e.getMessage(), null);
        }
        factory.setRequestedHeartbeat((int) Math.max(1, settings.heartbeat().toSeconds()));
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setTopologyRecoveryFilter(OnLiveChannelsOnly.FILTER);
        factory.setNetworkRecoveryInterval(settings.recoveryInterval().toMillis());
        factory.setConnectionTimeout((int) Math.min(settings.connectTimeout().toMillis(), connectTimeoutCap(settings)));
        factory.setHandshakeTimeout((int) Math.min(settings.connectTimeout().toMillis(),
                settings.nodes().size() > 1 ? CLUSTER_HANDSHAKE_TIMEOUT_MS : 10_000));
        factory.setChannelRpcTimeout(CHANNEL_RPC_TIMEOUT_MS);
        factory.setExceptionHandler(new QuietRecoveryExceptionHandler());
        // Add to, never replace, the defaults: they announce capabilities such as consumer_cancel_notify.
        factory.getClientProperties().put("product", "multiprocessing4j");
        return factory;
    }

    /** One node alone is waited for longer: there is nowhere else to go. */
    private static int connectTimeoutCap(BrokerSettings settings) {
        return settings.nodes().size() > 1 ? CLUSTER_CONNECT_TIMEOUT_MS : 5_000;
    }

    /** A TLS context that trusts exactly the CA certificates in a PEM file. */
    static SSLContext trusting(Path caFile) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in " + caFile);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static boolean tlsRefused(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The root cause in one line; for a channel or connection closed by the broker, its reply text. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ShutdownSignalException closed && closed.getReason() instanceof AMQP.Channel.Close close) {
            return close.getReplyText();
        }
        if (root instanceof ShutdownSignalException closed && closed.getReason() instanceof AMQP.Connection.Close close) {
            return close.getReplyText();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while connecting", e);
        }
    }
}
