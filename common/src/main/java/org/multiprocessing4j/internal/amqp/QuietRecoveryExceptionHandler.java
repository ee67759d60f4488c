package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.TopologyRecoveryException;
import com.rabbitmq.client.impl.DefaultExceptionHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * amqp-client's default handler, except for recovery: its default logs a stack trace at ERROR for
 * each failed reconnection attempt (one a second while a node is away). Here a failed attempt is
 * logged at debug (with its stack trace), and a channel or declaration that could not be restored
 * after a reconnection is one warning line; {@link NodeLog} says when the link is lost and back.
 */
final class QuietRecoveryExceptionHandler extends DefaultExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);

    /** A dropped socket: {@link NodeLog} says "link lost" right after, once. */
    @Override
    public void handleUnexpectedConnectionDriverException(Connection connection, Throwable exception) {
        if (exception instanceof IOException) {
            log.debug("connection driver: {}", Connector.describe(exception), exception);
        } else {
            super.handleUnexpectedConnectionDriverException(connection, exception);
        }
    }

    @Override
    public void handleConnectionRecoveryException(Connection connection, Throwable exception) {
        log.debug("reconnection attempt failed: {}", Connector.describe(exception), exception);
    }

    @Override
    public void handleChannelRecoveryException(Channel channel, Throwable exception) {
        log.warn("could not reopen channel {} after reconnecting: {}", channel.getChannelNumber(),
                Connector.describe(exception));
        log.debug("channel recovery failure", exception);
    }

    @Override
    public void handleTopologyRecoveryException(Connection connection, Channel channel, TopologyRecoveryException exception) {
        log.warn("could not restore a declaration after reconnecting ({}): {}", exception.getMessage(),
                Connector.describe(exception));
        log.debug("topology recovery failure", exception);
    }
}
