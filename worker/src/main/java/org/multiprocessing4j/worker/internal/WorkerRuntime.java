package org.multiprocessing4j.worker.internal;

import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.WorkerRef;

/**
 * What every job execution of one worker shares: who the worker is, what it can run, where it
 * sends replies, and the threads it runs on.
 *
 * @param terminateGrace how long a terminated task may take to end after its interrupt before it
 *                       is abandoned (reported terminated, its slot freed, its thread left to end)
 * @param leaseAfter     a task still running after this trades its delivery for a lease (see JobLease)
 * @param leaseTtl       how long a lease outlives its last renewal
 * @param leasePublisher publishes lease copies (its own channel: a slow lease never delays replies)
 */
record WorkerRuntime(
        WorkerRef identity,
        TaskCatalog catalog,
        Connection connection,
        Topology topology,
        int maxMessageSize,
        ReplySender replies,
        RunningJobs running,
        Cancellations cancellations,
        ExecutorService taskThreads,
        ScheduledExecutorService timers,
        Duration terminateGrace,
        Duration leaseAfter,
        Duration leaseTtl,
        ConfirmingPublisher leasePublisher) {
}
