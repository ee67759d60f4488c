package org.multiprocessing4j.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.UnknownTaskException;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.runners.TaskCatalog;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;
import org.multiprocessing4j.worker.WorkerConfig;
import org.multiprocessing4j.worker.seed.SeedTasks;

/** The worker against the wire contract: a real broker, a worker in this JVM, a producer in plain amqp-client. */
@BrokerTest
class WorkerEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static WorkerEngine worker;
    private static RawProducer producer;
    private static TestBroker broker;

    @BeforeAll
    static void start(TestBroker testBroker) throws Exception {
        broker = testBroker;
        producer = new RawProducer(broker);
        WorkerConfig config = WorkerConfig.defaults(BrokerSettings.defaults().withUri(broker.uri())
                        .withNamespace(broker.namespace()))
                .withName("engine-test").withConcurrency(2);
        EngineSettings settings = new EngineSettings(new WorkerRef(config.name(), "test-host", ProcessHandle.current().pid()),
                config.broker(), config.concurrency(), config.shutdownTimeout(), config.terminateGrace(),
                config.leaseAfter(), config.leaseTtl(), config.queues(), config.maxLostThreads(), true, "1D", 0,
                "127.0.0.1");
        worker = WorkerEngine.start(settings, TaskCatalog.of(new SeedTasks()));
    }

    @AfterAll
    static void stop() throws Exception {
        worker.stop();
        producer.close();
    }

    @Test
    void aProcessJobSendsStartedThenItsLinesThenItsResult() throws Exception {
        String id = producer.submitProcess("run_proc", List.of("林一", 18));
        List<Reply> replies = producer.awaitResult(id, WAIT);
        StartedReply started = assertInstanceOf(StartedReply.class, replies.get(0));
        assertEquals(ProcessHandle.current().pid(), started.worker().pid()); // in-process worker here
        assertEquals(1, started.attempt());
        List<String> lines = replies.stream().filter(OutputReply.class::isInstance).map(r -> ((OutputReply) r).line()).toList();
        assertEquals(5, lines.size());
        assertEquals("子进程运行中,name=林一,age=18,kwargs={}", lines.get(0));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), replies.stream().filter(OutputReply.class::isInstance)
                .map(r -> ((OutputReply) r).seq()).toList());
        ResultReply result = assertInstanceOf(ResultReply.class, replies.get(replies.size() - 1));
        assertEquals(ResultReply.Outcome.OK, result.outcome());
    }

    @Test
    void aPoolJobSendsOnlyItsResult() throws Exception {
        List<Reply> replies = producer.awaitResult(producer.submit("square", List.of(7)), WAIT);
        assertEquals(1, replies.size(), "no started reply for a pool task: " + replies);
        assertEquals(49, result(replies).value().asInt());
    }

    /**
     * After a broker restart a producer may declare its reply queue again only after a worker has
     * answered (a queue declared just before a kill -9 can be missing from the restarted node).
     */
    @Test
    void aResultWhoseReplyQueueIsMissingForAWhileArrivesOnceTheQueueIsThere() throws Exception {
        String lateQueue = producer.topology().replyQueue("late-" + UUID.randomUUID());
        String id = producer.submitWithReplyTo(lateQueue, "square", List.of(7));
        Thread.sleep(1500); // the worker has answered into the void by now, several times
        try (Connection connection = broker.newConnection()) {
            Channel channel = connection.createChannel();
            producer.topology().declareReplyQueue(channel, lateQueue, Duration.ofMinutes(1));
            GetResponse got = null;
            for (long deadline = System.nanoTime() + WAIT.toNanos(); got == null && System.nanoTime() < deadline; ) {
                got = channel.basicGet(lateQueue, true);
                Thread.sleep(got == null ? 50 : 0);
            }
            assertNotNull(got, "the result arrived once the reply queue existed");
            ResultReply result = assertInstanceOf(ResultReply.class,
                    WireCodec.decodeReply(got.getProps().getType(), got.getBody()));
            assertEquals(id, result.id());
            assertEquals(49, result.value().asInt());
            channel.queueDelete(lateQueue);
        }
    }

    /**
     * A producer away for longer than the grace (its queue expired, or was lost) may still come
     * back: the worker declares the reply queue again and keeps the result there, never drops it.
     */
    @Test
    void aResultWhoseReplyQueueStaysMissingIsKeptInTheQueueTheWorkerDeclaresAgain() throws Exception {
        String goneQueue = producer.topology().replyQueue("gone-" + UUID.randomUUID());
        String id = producer.submitWithReplyTo(goneQueue, "square", List.of(8));
        try (Connection connection = broker.newConnection()) {
            GetResponse got = null;
            for (long deadline = System.nanoTime() + WAIT.toNanos(); got == null && System.nanoTime() < deadline; ) {
                Channel channel = connection.createChannel(); // a 404 (not declared yet) closes it
                try {
                    got = channel.basicGet(goneQueue, true);
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                    continue;
                }
                if (got == null) {
                    Thread.sleep(100);
                }
                org.multiprocessing4j.internal.amqp.Channels.closeQuietly(channel);
            }
            assertNotNull(got, "the worker declared the reply queue again and the result waits in it");
            ResultReply result = assertInstanceOf(ResultReply.class,
                    WireCodec.decodeReply(got.getProps().getType(), got.getBody()));
            assertEquals(id, result.id());
            assertEquals(64, result.value().asInt());
            Channel channel = connection.createChannel();
            channel.queueDelete(goneQueue);
        }
    }

    @Test
    void anUnknownTaskIsAnsweredAtOnceAndDeadLetteredNotRequeued() throws Exception {
        int deadBefore = producer.messageCount(producer.topology().deadLettersQueue());
        long started = System.nanoTime();
        ResultReply result = result(producer.awaitResult(producer.submit("no_such_task", List.of()), WAIT));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ResultReply.Outcome.ERROR, result.outcome());
        assertEquals(UnknownTaskException.class.getName(), result.error().type());
        assertTrue(result.error().message().contains("no task named 'no_such_task'"), result.error().message());
        System.out.println("unknown task answered in " + elapsedMs + " ms");
        awaitCount(producer.topology().deadLettersQueue(), deadBefore + 1);
    }

    @Test
    void aJobThatIsNotJsonIsAnsweredAndDeadLettered() throws Exception {
        String id = "not-json-job";
        int deadBefore = producer.messageCount(producer.topology().deadLettersQueue());
        producer.publishRaw(id, "{this is not json".getBytes(StandardCharsets.UTF_8));
        ResultReply result = result(producer.awaitResult(id, WAIT));
        assertEquals(EncodingException.class.getName(), result.error().type());
        awaitCount(producer.topology().deadLettersQueue(), deadBefore + 1);
    }

    @Test
    void wrongArgumentsFailTheTaskWithPythonsWords() throws Exception {
        ResultReply result = result(producer.awaitResult(producer.submit("func", List.of()), WAIT));
        assertEquals(BadArgumentsException.class.getName(), result.error().type());
        assertEquals("func() missing 1 required positional argument: 'msg'", result.error().message());
        result = result(producer.awaitResult(producer.submit("worker", List.of("soon")), WAIT));
        assertEquals(BadArgumentsException.class.getName(), result.error().type());
        assertEquals("worker() argument 'interval' must be Double, got str", result.error().message());
    }

    @Test
    void aJobCancelledBeforeItStartsNeverRuns() throws Exception {
        String id = UUID.randomUUID().toString();
        producer.cancel(id, CancelMessage.Signal.TERMINATE);
        Thread.sleep(500); // the worker reads the stream continuously; give it the cancellation first
        JobMessage job = JobMessage.call(id, "func", ValueCodec.toJsonList(List.of("never")), Map.of(), null, 0);
        producer.publishRaw(id, WireCodec.encode(job));
        List<Reply> replies = producer.awaitResult(id, WAIT);
        assertEquals(1, replies.size(), "no start, no output: " + replies);
        assertEquals(ResultReply.Outcome.TERMINATED, result(replies).outcome());
    }

    @Test
    void aRunningJobIsInterruptedByTerminateAndTheSlotFreesAtOnce() throws Exception {
        String id = producer.submitProcess("sleep", List.of(60));
        assertInstanceOf(StartedReply.class, producer.awaitNext(id, WAIT));
        long requested = System.nanoTime();
        producer.cancel(id, CancelMessage.Signal.TERMINATE);
        ResultReply result = result(producer.awaitResult(id, WAIT));
        long tookMs = (System.nanoTime() - requested) / 1_000_000;
        assertEquals(ResultReply.Outcome.TERMINATED, result.outcome());
        assertTrue(tookMs < 10_000, "terminate took " + tookMs + " ms");
        System.out.println("terminate of a running task answered in " + tookMs + " ms");
        assertEquals(ResultReply.Outcome.OK, result(producer.awaitResult(producer.submit("noop", List.of()), WAIT)).outcome());
    }

    private static ResultReply result(List<Reply> replies) {
        return assertInstanceOf(ResultReply.class, replies.get(replies.size() - 1));
    }

    private static void awaitCount(String queue, int atLeast) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int count = 0;
        while (System.nanoTime() < deadline) {
            count = producer.messageCount(queue);
            if (count >= atLeast) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(queue + " holds " + count + " messages, expected at least " + atLeast);
    }
}
