package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.Priority;

/**
 * Where a job is published: its named queue's jobs queue for its priority, at once, or through the
 * broker's delay levels when it must not start yet. Declares the delay levels the first time one
 * is needed, and checks once per queue name that some worker takes that queue. Thread-safe.
 */
public final class JobRouting {
    private final Connection connection;
    private final Topology topology;
    private final DelayTopology delays;
    private final Set<String> knownQueues = ConcurrentHashMap.newKeySet();
    private volatile boolean delaysDeclared;

    public JobRouting(Connection connection, Topology topology) {
        this.connection = connection;
        this.topology = topology;
        this.delays = new DelayTopology(topology);
        knownQueues.add(CallOptions.DEFAULT_QUEUE);
    }

    /** A job for {@code queue} and {@code priority}, to start {@code delay} from now (zero or negative: at once). */
    public Outgoing outgoing(String queue, Priority priority, Duration delay, AMQP.BasicProperties properties, byte[] body) {
        String target = topology.jobsQueue(queue, priority);
        if (delay.isNegative() || delay.isZero()) {
            return Outgoing.toQueue(target, properties, body);
        }
        declareDelays();
        return new Outgoing(delays.entryExchange(), DelayTopology.routingKey(delay, target), true, properties, body);
    }

    /**
     * A named queue must exist (a worker taking it declared it) before jobs go to it: a job sent to
     * a queue no worker ever took would wait for nobody. The default queue always exists.
     */
    public void requireQueue(String queue) {
        if (knownQueues.contains(queue)) {
            return;
        }
        try {
            Channels.withTemporaryChannel(connection,
                    channel -> channel.queueDeclarePassive(topology.jobsQueue(queue, Priority.NORMAL)));
            knownQueues.add(queue);
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                throw new IllegalArgumentException("no queue '" + queue + "': no worker takes it "
                        + "(start one with --queues " + queue + ")");
            }
            throw new ConnectionLostException("could not check queue '" + queue + "': " + e.getMessage(), e);
        }
    }

    private void declareDelays() {
        if (delaysDeclared) {
            return;
        }
        synchronized (this) {
            if (delaysDeclared) {
                return;
            }
            try {
                Channels.withTemporaryChannel(connection, channel -> {
                    delays.declare(channel);
                    return null;
                });
            } catch (IOException e) {
                throw new ConnectionLostException("could not declare the delay levels: " + e.getMessage(), e);
            }
            delaysDeclared = true;
        }
    }
}
