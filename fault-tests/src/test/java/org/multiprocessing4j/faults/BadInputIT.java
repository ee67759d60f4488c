package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.errors.UnknownTaskException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Scenario 3: a message that is not JSON, one that names an unknown task (or a class), one with
 * wrong arguments: each answered at once, the first two dead-lettered, none requeued in a loop.
 */
@BrokerTest
class BadInputIT {

    @Test
    void badJobsAreAnsweredAtOnceAndNeverRequeued(TestBroker broker) throws Exception {
        Topology topology = new Topology(broker.namespace());
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = Cluster.connect(broker.uri(), broker.namespace(), OutputSink.discard());
             Connection raw = broker.newConnection()) {
            cluster.start("w1", broker.uri(), 2);

            long started = System.nanoTime();
            UnknownTaskException unknown = assertThrows(UnknownTaskException.class,
                    () -> mp.pool().apply("java.lang.Runtime"));
            long unknownMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            RemoteTaskException wrongArgs = assertThrows(RemoteTaskException.class, () -> mp.pool().apply("square", 1, 2));
            long wrongArgsMs = (System.nanoTime() - started) / 1_000_000;

            Channel channel = raw.createChannel();
            String replies = channel.queueDeclare().getQueue();
            channel.confirmSelect();
            AMQP.BasicProperties props = Envelopes.job("not-json-1", replies);
            started = System.nanoTime();
            channel.basicPublish("", topology.jobsQueue(), props, "{\"v\":1, oops".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5000);
            GetResponse answer = null;
            for (int i = 0; i < 200 && answer == null; i++) {
                answer = channel.basicGet(replies, true);
                if (answer == null) {
                    Thread.sleep(10);
                }
            }
            long invalidMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(answer != null, "the invalid job was answered");
            ResultReply reply = (ResultReply) WireCodec.decodeReply(MessageType.RESULT, answer.getBody());

            Thread.sleep(2000); // a requeue loop would show up as redeliveries and more dead letters by now
            int deadLetters = channel.queueDeclarePassive(topology.deadLettersQueue()).getMessageCount();
            int waiting = channel.queueDeclarePassive(topology.jobsQueue()).getMessageCount();
            System.out.printf("[bad input] unknown task answered in %d ms (%s); wrong arguments in %d ms (%s); "
                            + "invalid JSON in %d ms (%s); dead letters %d, jobs left waiting %d%n", unknownMs,
                    unknown.remoteMessage(), wrongArgsMs, wrongArgs.remoteMessage(), invalidMs, reply.error().type(),
                    deadLetters, waiting);
            assertEquals("square() takes 1 positional argument but 2 were given", wrongArgs.remoteMessage());
            assertEquals("org.multiprocessing4j.errors.EncodingException", reply.error().type());
            assertEquals(2, deadLetters, "the unknown task and the invalid message, once each");
            assertEquals(0, waiting, "nothing requeued");
            assertTrue(mp.workers(Duration.ofSeconds(1)).get(0).completed() >= 1, "the worker is still there");
        }
    }
}
