package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.impl.recovery.RecordedBinding;
import com.rabbitmq.client.impl.recovery.RecordedConsumer;
import com.rabbitmq.client.impl.recovery.RecordedEntity;
import com.rabbitmq.client.impl.recovery.RecordedExchange;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;

/**
 * Connection recovery replays each declaration on the channel it was made on. Ours are mostly made
 * on short-lived channels (declare, close), and replaying those only fails ("channel is already
 * closed") with an ERROR and a stack trace per entity, on every reconnection. Whoever needs an
 * entity back declares it on a channel that lives as long as it does (the reply queue), or declares
 * it again itself (the jobs queue, when a worker subscribes again); the rest is skipped here.
 */
public final class OnLiveChannelsOnly implements TopologyRecoveryFilter {
    static final TopologyRecoveryFilter FILTER = new OnLiveChannelsOnly();
    /**
     * Consumers whose tag starts with this subscribe again by themselves after a reconnection (with
     * arguments of the moment, such as a stream offset, and retrying until it works): recovery leaves them alone.
     */
    public static final String OWN_RECOVERY_TAG = "mp4j-own-recovery.";

    private OnLiveChannelsOnly() {
    }

    @Override
    public boolean filterExchange(RecordedExchange exchange) {
        return live(exchange);
    }

    @Override
    public boolean filterQueue(RecordedQueue queue) {
        return live(queue);
    }

    @Override
    public boolean filterBinding(RecordedBinding binding) {
        return live(binding);
    }

    @Override
    public boolean filterConsumer(RecordedConsumer consumer) {
        return live(consumer) && !consumer.getConsumerTag().startsWith(OWN_RECOVERY_TAG);
    }

    private static boolean live(RecordedEntity entity) {
        return entity.getChannel() != null && entity.getChannel().isOpen();
    }
}
