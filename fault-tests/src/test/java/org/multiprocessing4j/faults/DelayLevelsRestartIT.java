package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.multiprocessing4j.internal.amqp.DelayTopology;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.testkit.PrivateBroker;

/**
 * The broker side of delayed jobs across a restart, with the broker settings the project ships
 * (deploy/rabbitmq-advanced.config, the testkit's node defaults): messages that expired in every
 * level while the broker was down all reach the jobs queue soon after it is back. Each level's
 * dead-letter worker passes its messages on as soon as it is leader, sometimes before the next
 * level has a leader; RabbitMQ tries those again after dead_letter_worker_publisher_confirm_timeout.
 * With its default (180 s) 5 of 120 messages were still missing 60 s after 1 restart of 4; with
 * 1000 ms none in 4. The race is not forced, so a run without the setting can pass too: this test
 * guards the setting, DelayedJobsSurviveIT the whole path.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DelayLevelsRestartIT {
    private static final int PER_LEVEL = 10;
    private static final int TOP = 6; // 16 s: every level up to it has expired by the restart
    private static final int RESTARTS = 2;
    // Up to 8 s in the level below the expired one, plus a wide margin for this machine's load.
    private static final Duration ARRIVE_WITHIN = Duration.ofSeconds(25);

    @Test
    void messagesThatExpiredInEveryLevelWhileTheBrokerWasDownAllArriveSoonAfterTheRestart() throws Exception {
        Topology topology = new Topology("restart");
        List<String> figures = new ArrayList<>();
        try (PrivateBroker node = PrivateBroker.builder("restart").start()) {
            assertEquals("{ok,1000}", node.ctl("eval",
                    "application:get_env(rabbit, dead_letter_worker_publisher_confirm_timeout).").trim(),
                    "the private node runs with the shipped setting");
            try (Connection connection = node.newConnection(); Channel channel = connection.createChannel()) {
                topology.declareJobs(channel);
                new DelayTopology(topology).declare(channel);
            }
            Thread.sleep(3000); // a quorum queue killed within 1-2 s of its declaration can lose its leader (Ra, 3.10.8)
            for (int restart = 1; restart <= RESTARTS; restart++) {
                int sent = publishIntoEveryLevel(node, topology);
                Thread.sleep(1500);
                node.kill9();
                Thread.sleep((DelayTopology.UNIT_MS << TOP) + 3000);
                node.start();
                long back = System.nanoTime();
                int arrived = awaitArrivals(node, topology, sent, back + ARRIVE_WITHIN.toNanos());
                String figure = String.format("restart %d: %d of %d in the jobs queue %.1f s after the restart",
                        restart, arrived, sent, (System.nanoTime() - back) / 1e9);
                System.out.println("[delay levels] " + figure);
                figures.add(figure);
                assertEquals(sent, arrived, "every delayed message reached the jobs queue within "
                        + ARRIVE_WITHIN.toSeconds() + " s of the restart: " + figures);
            }
        }
    }

    /** For each level k up to TOP: messages waiting only there, and messages waiting there then in level k-1. */
    private static int publishIntoEveryLevel(PrivateBroker node, Topology topology) throws Exception {
        int sent = 0;
        try (Connection connection = node.newConnection(); Channel channel = connection.createChannel()) {
            channel.queuePurge(topology.jobsQueue());
            channel.confirmSelect();
            for (int level = 1; level <= TOP; level++) {
                long units = 1L << level;
                for (int i = 0; i < PER_LEVEL; i++) {
                    publish(channel, topology, units);
                    publish(channel, topology, units | (units >> 1));
                    sent += 2;
                }
            }
            channel.waitForConfirmsOrDie(30_000);
        }
        return sent;
    }

    private static void publish(Channel channel, Topology topology, long units) throws Exception {
        channel.basicPublish(new DelayTopology(topology).entryExchange(),
                DelayTopology.routingKey(Duration.ofMillis(units * DelayTopology.UNIT_MS), topology.jobsQueue()),
                true, MessageProperties.PERSISTENT_BASIC, new byte[] {1});
    }

    private static int awaitArrivals(PrivateBroker node, Topology topology, int expected, long deadline) throws Exception {
        int arrived = 0;
        while (arrived < expected && System.nanoTime() < deadline) {
            try (Connection connection = node.newConnection(); Channel channel = connection.createChannel()) {
                arrived = channel.queueDeclarePassive(topology.jobsQueue()).getMessageCount();
            } catch (Exception notYet) {
                // the node is still recovering its queues
            }
            Thread.sleep(200);
        }
        return arrived;
    }
}
