package org.multiprocessing4j.internal.sync;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;

/**
 * Creates a primitive exactly once, whoever on whichever machine asks first: its initial tokens
 * must be published once, not once per creator.
 *
 * <p>The fanout exchange is declared last and means "ready". A creator that finds it missing takes
 * an exclusive init queue (a second connection trying the same gets 405 RESOURCE_LOCKED and waits),
 * looks again, then declares the queues, purges leftovers of a creator that died half-way, publishes
 * the initial messages with confirms, and declares the exchange. A creator that dies releases the
 * init queue with its connection, so the next one starts over.
 */
final class Creation {
    private static final int ATTEMPTS = 200;
    private static final long WAIT_MS = 25;
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    @FunctionalInterface
    interface Initializer {
        /** Declares the queues (empty: {@link SyncTopology#declareFresh}) and publishes the initial messages, on a channel in confirm mode. */
        void initialize(Channel channel) throws IOException;
    }

    private Creation() {
    }

    /** True if it exists (its exchange, the ready mark, does). */
    static boolean exists(Connection connection, SyncTopology names) {
        try {
            Channels.withTemporaryChannel(connection, ch -> ch.exchangeDeclarePassive(names.exchange()));
            return true;
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                return false;
            }
            throw lost("look up", names, e);
        }
    }

    /** Creates it unless it exists. */
    static void ensure(Connection connection, SyncTopology names, Initializer initializer) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (exists(connection, names)) {
                return;
            }
            if (tryCreate(connection, names, initializer)) {
                return;
            }
            sleep(); // another creator holds the init queue: it will be done in a moment
        }
        throw new MpException("could not create " + names.kind() + " '" + names.name()
                + "': another creator held it for " + (ATTEMPTS * WAIT_MS / 1000) + " s");
    }

    private static boolean tryCreate(Connection connection, SyncTopology names, Initializer initializer) {
        Channel channel;
        try {
            channel = connection.createChannel();
            channel.queueDeclare(names.initQueue(), false, true, true, null);
        } catch (IOException e) {
            if (Channels.replyCode(e) == 405) {
                return false;
            }
            throw lost("create", names, e);
        }
        try {
            if (exists(connection, names)) {
                return true;
            }
            channel.confirmSelect();
            initializer.initialize(channel);
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            names.declareExchange(channel);
            channel.queueDelete(names.initQueue());
            return true;
        } catch (IOException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw lost("create", names, e);
        } finally {
            Channels.closeQuietly(channel);
        }
    }

    static ConnectionLostException lost(String what, SyncTopology names, Exception e) {
        return new ConnectionLostException("could not " + what + " " + names.kind() + " '" + names.name() + "': "
                + Channels.replyText(e), e);
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while creating a shared object", e);
        }
    }
}
