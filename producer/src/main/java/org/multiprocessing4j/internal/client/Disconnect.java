package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer's last words: delete its reply queue, then close the connection, without letting a
 * cluster with a node down hold the caller. Deleting a quorum queue while one of its member nodes
 * is down takes RabbitMQ 3.10 about 5 s (measured on a private 3-node cluster: 5.0-5.1 s, against
 * ~40 ms with every node up), and closing the connection waits for it too. So the deletion gets
 * {@link #DELETE_WAIT_MS}; a queue not deleted by then is left to its {@code x-expires} (an hour).
 * 3 s, not 1: on a loaded 2-core machine (a CI run at load 16) deleting a quorum queue with every
 * node up took over a second, and each such queue was then left behind for an hour.
 */
final class Disconnect {
    private static final Logger log = LoggerFactory.getLogger(Disconnect.class);
    static final long DELETE_WAIT_MS = 3_000;

    private Disconnect() {
    }

    static void deleteQueueThenClose(Connection connection, String replyQueue) {
        boolean deleted = !connection.isOpen() || delete(connection, replyQueue);
        close(connection, deleted ? 5_000 : (int) DELETE_WAIT_MS);
    }

    private static boolean delete(Connection connection, String queue) {
        try {
            Channel channel = connection.createChannel();
            channel.asyncCompletableRpc(new AMQP.Queue.Delete.Builder().queue(queue).build())
                    .get(DELETE_WAIT_MS, TimeUnit.MILLISECONDS);
            channel.close();
            return true;
        } catch (TimeoutException e) {
            log.debug("deleting {} takes long (a node of the cluster down?); it expires on its own", queue);
            return false;
        } catch (IOException | ExecutionException | RuntimeException e) {
            return true; // gone already, or the link is: it expires on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void close(Connection connection, int timeoutMs) {
        try {
            if (connection.isOpen()) {
                connection.close(timeoutMs);
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
    }
}
