package org.multiprocessing4j.internal.queue;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.shared.SharedContext;

/** Creating, checking and sizing up user queues on the broker; names and arguments come from Topology. */
final class QueueDeclarations {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
    // RabbitMQ's 406 text: "... inequivalent arg 'x-max-length' ... but current is the value '3' of type ..."
    private static final Pattern CURRENT_MAX_LENGTH =
            Pattern.compile("inequivalent arg 'x-max-length'.*current is the value '(\\d+)'");

    private QueueDeclarations() {
    }

    static String validName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("queue name must be 1-200 characters of letters, digits, '_', '.', ':' "
                    + "or '-', got: " + name);
        }
        return name;
    }

    static void declare(SharedContext context, String name, int maxsize, boolean replicated) {
        try {
            Channels.withTemporaryChannel(context.connection(),
                    ch -> context.topology().declareUserQueue(ch, name, maxsize, replicated));
        } catch (IOException e) {
            if (Channels.replyCode(e) == 406) {
                throw new MpException("queue '" + name + "' already exists with other settings than maxsize "
                        + maxsize + (replicated ? ", replicated" : "") + " (" + Channels.replyText(e)
                        + "); open it without a maxsize or delete it first");
            }
            throw new ConnectionLostException("could not create queue '" + name + "': " + e.getMessage(), e);
        }
    }

    static void requireExists(SharedContext context, String name) {
        try {
            Channels.withTemporaryChannel(context.connection(),
                    ch -> ch.queueDeclarePassive(context.topology().userQueue(name)));
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                throw new QueueNotFoundException("no queue named '" + name + "' (create it first)");
            }
            throw new ConnectionLostException("could not open queue '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * AMQP 0-9-1 cannot read a queue's arguments, but RabbitMQ names the current x-max-length
     * when a declaration disagrees with it. Declaring "unbounded" therefore either succeeds
     * (it is unbounded) or tells us the bound. Only used to open a queue by name alone.
     */
    static int discoverMaxsize(SharedContext context, String name) {
        int limit;
        try {
            Channels.withTemporaryChannel(context.connection(),
                    ch -> context.topology().declareUserQueue(ch, name, 0));
            return 0;
        } catch (IOException e) {
            Matcher matcher = CURRENT_MAX_LENGTH.matcher(Channels.replyText(e));
            if (!matcher.find()) {
                return 0; // refused for something else (a replicated unbounded queue): no bound
            }
            limit = Integer.parseInt(matcher.group(1));
        }
        // RabbitMQ names x-max-length before x-queue-type: a classic queue of that limit settles which it is.
        try {
            Channels.withTemporaryChannel(context.connection(),
                    ch -> context.topology().declareUserQueue(ch, name, limit, false));
            return limit;
        } catch (IOException replicated) {
            return limit + Topology.QUORUM_LENGTH_SLACK;
        }
    }
}
