package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says which broker node a connection is on: one line when its link is lost, one when it is back
 * (on which node, after how long). Failed attempts in between are logged at debug only, by
 * {@link QuietRecoveryExceptionHandler}: a node down for minutes must not fill the log.
 *
 * <p>Both lines are warnings: the producer CLI shows warnings only, and a "lost" line without its
 * "reconnected" line would leave its user guessing.
 */
final class NodeLog implements ShutdownListener, RecoveryListener {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);

    private final Connection connection;
    private volatile String node;
    private volatile long lostAt;

    private NodeLog(Connection connection) {
        this.connection = connection;
        this.node = Connector.node(connection);
    }

    static void attach(Connection connection) {
        NodeLog nodeLog = new NodeLog(connection);
        // On an auto-recovering connection both listeners survive recoveries (they move to the new link).
        connection.addShutdownListener(nodeLog);
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(nodeLog);
        }
    }

    @Override
    public void shutdownCompleted(ShutdownSignalException cause) {
        if (cause.isInitiatedByApplication()) {
            return; // closed by us: no recovery follows
        }
        lostAt = System.nanoTime();
        log.warn("link to node {} lost ({}); reconnecting", node, Connector.describe(cause));
    }

    /**
     * The link is back (on a new node, maybe): said here rather than when recovery completes,
     * because restoring the channels' queues and consumers afterwards can take long or fail, and
     * {@link QuietRecoveryExceptionHandler} reports that on its own.
     */
    @Override
    public void handleTopologyRecoveryStarted(Recoverable recoverable) {
        node = Connector.node(connection);
        double seconds = lostAt == 0 ? 0 : (System.nanoTime() - lostAt) / 1e9;
        log.warn(String.format("reconnected to node %s after %.1f s", node, seconds));
    }

    @Override
    public void handleRecovery(Recoverable recovered) {
        log.debug("declarations and consumers restored on node {}", node);
    }

    @Override
    public void handleRecoveryStarted(Recoverable recoverable) {
        // the "lost" line has said it
    }
}
