package org.multiprocessing4j.worker.internal.settle;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.worker.internal.job.JobDelivery;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long task from being killed by the broker's consumer timeout (30 min by default; on
 * RabbitMQ 3.10 it cannot be raised per queue): the job's delivery is exchanged for a lease.
 *
 * <p>A copy of the job goes into a queue of its own ({@link Topology#leaseQueue}), whose messages
 * expire after the lease TTL into the jobs queue; then the original delivery is acknowledged, so
 * no consumer timeout applies any more. While the task runs, the worker puts a fresh copy in and
 * takes the old one out every third of the TTL. When the task ends, the lease queue is deleted with
 * its copy. If the worker dies, nobody renews: the copy expires back into the jobs queue and
 * another worker runs the job (at least once, as for any job of a dead worker).
 */
final class JobLease implements JobRun.Lease {
    private static final Logger log = LoggerFactory.getLogger(JobLease.class);

    private final Outbox resources;
    private final JobDelivery delivery;
    private final String jobId;
    private final String queue;
    private ScheduledFuture<?> renewals;

    private JobLease(Outbox resources, JobDelivery delivery, String jobId) {
        this.resources = resources;
        this.delivery = delivery;
        this.jobId = jobId;
        this.queue = resources.topology().leaseQueue(jobId);
    }

    /** Parks a copy of the job, then acknowledges the delivery. Throws if the copy could not be parked. */
    static JobLease take(Outbox resources, JobDelivery delivery, String jobId, Duration ttl) throws Exception {
        JobLease lease = new JobLease(resources, delivery, jobId);
        Channels.withTemporaryChannel(resources.connection(), channel -> {
            resources.topology().declareLeaseQueue(channel, jobId, ttl);
            return null;
        });
        lease.park();
        delivery.acker().ack(delivery.deliveryTag(), () -> { });
        long every = Math.max(1000, ttl.toMillis() / 3);
        lease.renewals = resources.timers().scheduleWithFixedDelay(lease::renew, every, every, TimeUnit.MILLISECONDS);
        log.info("job {} runs long: leased (copy expires back to the queue {} s after the last renewal)", jobId,
                ttl.toSeconds());
        return lease;
    }

    private void park() throws Exception {
        resources.publisher().publish(Outgoing.toQueue(queue, delivery.properties(), delivery.body()))
                .get(30, TimeUnit.SECONDS);
    }

    /** A fresh copy first, then the oldest copy out: there is always at least one copy. */
    private void renew() {
        try {
            park();
            Channels.withTemporaryChannel(resources.connection(), channel -> channel.basicGet(queue, true));
        } catch (Exception e) {
            log.warn("job {}: could not renew its lease ({}); if this lasts, the job runs again elsewhere",
                    jobId, e.getMessage());
        }
    }

    @Override
    public void end() {
        stopRenewing();
        try {
            Channels.withTemporaryChannel(resources.connection(), channel -> channel.queueDelete(queue));
        } catch (IOException | RuntimeException e) {
            log.warn("job {}: could not delete its lease ({}); the job may run once more, its result is dropped",
                    jobId, e.getMessage());
        }
    }

    @Override
    public void handBack() {
        stopRenewing();
        try {
            resources.publisher().publish(Outgoing.toQueue(resources.topology().jobsQueue(), delivery.properties(),
                    delivery.body())).get(30, TimeUnit.SECONDS);
            Channels.withTemporaryChannel(resources.connection(), channel -> channel.queueDelete(queue));
        } catch (Exception e) {
            log.warn("job {}: could not hand its lease back ({}); it returns when the copy expires", jobId, e.getMessage());
        }
    }

    private void stopRenewing() {
        if (renewals != null) {
            renewals.cancel(false);
        }
    }
}
