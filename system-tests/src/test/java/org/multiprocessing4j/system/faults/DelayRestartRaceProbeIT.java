package org.multiprocessing4j.system.faults;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.multiprocessing4j.internal.amqp.DelayTopology;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.testkit.PrivateBroker;

/** Diagnostic (issue 12): messages overdue in every level at a restart; how long until all reach the jobs queue. */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class DelayRestartRaceProbeIT {
    private static final int PER_LEVEL = 10;
    private static final int TOP = 6;

    @Test
    void overdueMessagesAfterRestart() throws Exception {
        String settle = System.getProperty("probe.settleTimeout");
        int cycles = Integer.getInteger("probe.cycles", 3);
        PrivateBroker.Builder builder = PrivateBroker.builder("race");
        if (settle != null) {
            builder.rabbitEnv("{dead_letter_worker_publisher_confirm_timeout, " + settle + "}");
        }
        Topology topology = new Topology("race");
        try (PrivateBroker node = builder.start()) {
            try (Connection c = node.newConnection(); Channel ch = c.createChannel()) {
                topology.declareJobs(ch);
                new DelayTopology(topology).declare(ch);
            }
            Thread.sleep(3000);
            for (int cycle = 1; cycle <= cycles; cycle++) {
                int total = 0;
                try (Connection c = node.newConnection(); Channel ch = c.createChannel()) {
                    ch.queuePurge(topology.jobsQueue());
                    ch.confirmSelect();
                    for (int level = 1; level <= TOP; level++) {
                        long twoLevels = (1L << level) | (1L << (level - 1));
                        for (int i = 0; i < PER_LEVEL; i++) {
                            publish(ch, topology, Duration.ofMillis(DelayTopology.UNIT_MS << level));
                            publish(ch, topology, Duration.ofMillis(DelayTopology.UNIT_MS * twoLevels));
                            total += 2;
                        }
                    }
                    ch.waitForConfirmsOrDie(30_000);
                }
                Thread.sleep(1500);
                node.kill9();
                Thread.sleep((DelayTopology.UNIT_MS << TOP) + 3000);
                node.start();
                long back = System.nanoTime();
                int arrived = 0;
                String where = "";
                long deadline = back + TimeUnit.SECONDS.toNanos(Integer.getInteger("probe.wait", 60));
                while (System.nanoTime() < deadline) {
                    try (Connection c = node.newConnection(); Channel ch = c.createChannel()) {
                        arrived = ch.queueDeclarePassive(topology.jobsQueue()).getMessageCount();
                        if (arrived >= total) {
                            break;
                        }
                        StringBuilder sb = new StringBuilder();
                        for (int level = TOP; level >= 0; level--) {
                            sb.append("L").append(level).append('=')
                                    .append(ch.queueDeclarePassive("race.delay." + level).getMessageCount()).append(' ');
                        }
                        where = sb.toString();
                    } catch (Exception notYet) {
                        // node still starting
                    }
                    Thread.sleep(200);
                }
                System.out.printf("RACE cycle %d (settle timeout %s): %d of %d in the jobs queue %.1f s after the restart%s%n",
                        cycle, settle == null ? "default" : settle, arrived, total, (System.nanoTime() - back) / 1e9,
                        arrived >= total ? "" : "; still waiting: " + where);
            }
        }
    }

    private static void publish(Channel ch, Topology topology, Duration delay) throws Exception {
        AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC;
        ch.basicPublish(topology.namespace() + ".delay." + (DelayTopology.LEVELS - 1),
                DelayTopology.routingKey(delay, topology.jobsQueue()), true, props, new byte[] {1});
    }
}
