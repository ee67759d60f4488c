package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.errors.TerminatedException;
import org.multiprocessing4j.errors.UnknownTaskException;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.support.Transcript;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** Pool and AsyncResult against two real worker JVMs. */
@BrokerTest
class PoolTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Cluster cluster;
    private static Multiprocessing mp;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(2, 4);
        mp = cluster.connect();
    }

    @AfterAll
    static void stop() {
        mp.close();
        cluster.close();
    }

    @Test
    void applyAsyncReturnsWhatTheTaskReturned() {
        AsyncResult<Object> result = mp.pool(2).applyAsync("square", 7);
        assertEquals(49L, ((Number) result.get(WAIT)).longValue());
        assertTrue(result.ready());
        assertTrue(result.successful());
    }

    @Test
    void applyRunsOnAWorkerProcessNotHere() {
        long pid = ((Number) mp.pool(1).apply("pid")).longValue();
        assertNotEquals(ProcessHandle.current().pid(), pid);
        assertTrue(cluster.pids().contains(pid), "pid " + pid + " is one of the workers " + cluster.pids());
    }

    @Test
    void applyAsyncRethrowsTheRemoteExceptionWithItsStackTrace() {
        AsyncResult<Object> result = mp.pool(1).applyAsync("divide", 1, 0);
        RemoteTaskException e = assertThrows(RemoteTaskException.class, () -> result.get(WAIT));
        assertEquals("java.lang.ArithmeticException", e.remoteType());
        assertEquals("/ by zero", e.remoteMessage());
        assertTrue(Arrays.stream(e.remoteStackTrace()).anyMatch(frame -> frame.getMethodName().equals("divide")
                && frame.getClassName().endsWith("TestTasks")), Arrays.toString(e.remoteStackTrace()));
        assertEquals("java.lang.ArithmeticException: / by zero", e.getCause().toString());
        assertTrue(e.getMessage().startsWith("task 'divide' failed on worker w"), e.getMessage());
        assertFalse(result.successful());
    }

    @Test
    void anUnknownTaskFailsFastInsteadOfHanging() {
        long started = System.nanoTime();
        AsyncResult<Object> result = mp.pool().applyAsync("no_such_task");
        UnknownTaskException e = assertThrows(UnknownTaskException.class, () -> result.get(Duration.ofSeconds(5)));
        System.out.printf("unknown task failed after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertTrue(e.getMessage().contains("no task named 'no_such_task'"), e.getMessage());
    }

    @Test
    void wrongArgumentsFailWithPythonsMessage() {
        RemoteTaskException e = assertThrows(RemoteTaskException.class, () -> mp.pool().apply("func"));
        assertEquals("func() missing 1 required positional argument: 'msg'", e.remoteMessage());
    }

    @Test
    void aValueThatCannotTravelFailsAtTheCallSite() {
        assertThrows(EncodingException.class, () -> mp.pool().applyAsync("echo", new Object()));
    }

    @Test
    void mapKeepsTheOrderOfItsItemsWhateverTheChunksize() {
        List<Integer> items = IntStream.rangeClosed(1, 20).boxed().toList();
        List<Long> squares = items.stream().map(i -> (long) i * i).toList();
        Pool pool = mp.pool(3);
        assertEquals(squares, longs(pool.map("square", items)));
        assertEquals(squares, longs(pool.map("square", items, 1)));
        assertEquals(squares, longs(pool.map("square", items, 7)));
        assertEquals(List.of(), pool.map("square", List.of()));
    }

    @Test
    void starmapUnpacksEachArgumentList() {
        List<List<Integer>> pairs = List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6));
        assertEquals(List.of(3L, 7L, 11L), longs(mp.pool(2).starmap("add", pairs)));
        assertEquals(List.of(3L, 7L, 11L), longs(mp.pool(2).starmapAsync("add", pairs, 2, null, null).get(WAIT)));
    }

    @Test
    void mapFailsWithTheFirstFailureLikePython() {
        RemoteTaskException e = assertThrows(RemoteTaskException.class,
                () -> mp.pool(2).starmap("divide", List.of(List.of(1, 1), List.of(1, 0), List.of(2, 1))));
        assertEquals("java.lang.ArithmeticException", e.remoteType());
    }

    @Test
    void imapYieldsInOrderAndImapUnorderedAsTheyFinish() {
        Pool pool = mp.pool(3);
        List<Object> ordered = new ArrayList<>();
        pool.imap("sleep", List.of(0.8, 0.1, 0.4)).forEachRemaining(ordered::add);
        assertEquals(Arrays.asList(null, null, null), ordered);

        List<Object> finished = new ArrayList<>();
        List<List<Object>> calls = List.of(List.of(0.9, "slow"), List.of(0.1, "fast"), List.of(0.5, "middle"));
        for (List<Object> call : calls) {
            finished.add(pool.applyAsync(Call.of("sleep", call.toArray())));
        }
        ResultIterator<Object> unordered = pool.imapUnordered("echo", List.of("a", "b", "c"));
        Set<Object> letters = new HashSet<>();
        unordered.forEachRemaining(letters::add);
        assertEquals(Set.of("a", "b", "c"), letters);
        assertEquals(List.of("slow", "fast", "middle"), finished.stream().map(r -> ((AsyncResult<?>) r).get(WAIT)).toList());
    }

    @Test
    void imapUnorderedGivesTheFastestFirst() {
        List<String> order = new ArrayList<>();
        // traced(label, seconds) returns its label; three at once, the shortest ends first.
        Pool pool = mp.pool(3);
        List<AsyncResult<Object>> results = List.of(
                pool.applyAsync("traced", "slow", 1.2), pool.applyAsync("traced", "fast", 0.1),
                pool.applyAsync("traced", "middle", 0.6));
        ResultIterator it = pool.imapUnordered("sleep", List.of(1.0, 0.05));
        it.forEachRemaining(x -> order.add("sleep"));
        results.forEach(r -> order.add((String) r.get(WAIT)));
        assertEquals(List.of("sleep", "sleep", "slow", "fast", "middle"), order);
    }

    @Test
    void callbacksRunBeforeTheResultIsReady() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Pool pool = mp.pool(2);
        AsyncResult<Object> ok = pool.applyAsync(Call.of("square", 3), seen::add, null);
        AsyncResult<Object> failed = pool.applyAsync(Call.of("divide", 1, 0), null, e -> seen.add(e.getClass().getSimpleName()));
        ok.get(WAIT);
        assertThrows(RemoteTaskException.class, () -> failed.get(WAIT));
        assertTrue(seen.contains(9L) || seen.contains(9), seen.toString());
        assertTrue(seen.contains("RemoteTaskException"), seen.toString());
    }

    @Test
    void getWithATimeoutRaisesWhileTheTaskKeepsRunning() {
        AsyncResult<Object> result = mp.pool().applyAsync("sleep", 1.5, "done");
        assertThrows(TaskTimeoutException.class, () -> result.get(Duration.ofMillis(200)));
        assertFalse(result.ready());
        assertThrows(IllegalStateException.class, result::successful);
        assertFalse(result.waitFor(Duration.ofMillis(10)));
        assertEquals("done", result.get(WAIT));
    }

    @Test
    void joinBeforeCloseIsAnErrorAndAClosedPoolTakesNoMoreTasks() {
        Pool pool = mp.pool(2);
        pool.applyAsync("noop");
        assertThrows(IllegalStateException.class, pool::join);
        pool.close();
        assertThrows(ClosedException.class, () -> pool.applyAsync("noop"));
        pool.join();
    }

    @Test
    void closeThenJoinWaitsForEverySubmittedTaskAndCallback() {
        List<Object> done = new CopyOnWriteArrayList<>();
        Pool pool = mp.pool(3);
        for (int i = 0; i < 6; i++) {
            pool.applyAsync(Call.of("sleep", 0.2, i), done::add, null);
        }
        pool.close();
        pool.join();
        assertEquals(6, done.size());
    }

    @Test
    void terminateCancelsTasksWaitingHereAndRunningOnWorkers() {
        Pool pool = mp.pool(1);
        AsyncResult<Object> running = pool.applyAsync("sleep", 30);
        AsyncResult<Object> waiting = pool.applyAsync("sleep", 30);
        long started = System.nanoTime();
        pool.terminate();
        assertThrows(TerminatedException.class, () -> running.get(WAIT));
        assertThrows(TerminatedException.class, () -> waiting.get(WAIT));
        pool.join();
        System.out.printf("terminate took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThrows(ClosedException.class, () -> pool.applyAsync("noop"));
        assertEquals(4L, ((Number) mp.pool(1).apply("square", 2)).longValue(), "the workers are free again");
    }

    @Test
    void aPoolNeverRunsMoreThanItsSizeAtOnce() {
        Transcript transcript = new Transcript();
        try (Multiprocessing traced = cluster.connect(transcript.sink())) {
            Pool pool = traced.pool(2);
            for (int i = 0; i < 6; i++) {
                pool.applyAsync("traced", "t" + i, 0.3);
            }
            pool.close();
            pool.join();
        }
        int running = 0;
        int most = 0;
        for (String line : transcript.lines()) {
            running += line.startsWith("start") ? 1 : -1;
            most = Math.max(most, running);
        }
        assertEquals(2, most, transcript.describe());
    }

    @Test
    void tenThousandNoopTasksFromOneProducerGiveTenThousandDistinctResults() {
        Pool pool = mp.pool();
        long started = System.nanoTime();
        List<AsyncResult<Object>> results = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            results.add(pool.applyAsync("echo", i));
        }
        Set<Object> distinct = new HashSet<>();
        for (AsyncResult<Object> result : results) {
            distinct.add(result.get(Duration.ofSeconds(120)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("10,000 tasks: %.1f s, %.0f tasks/s, duplicates dropped: %d%n", seconds, 10_000 / seconds,
                mp.duplicateResultsDropped());
        assertEquals(10_000, distinct.size());
        assertEquals(IntStream.range(0, 10_000).boxed().collect(java.util.stream.Collectors.toSet()),
                distinct.stream().map(v -> ((Number) v).intValue()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aDeletedReplyQueueIsDeclaredAgainAndResultsKeepArriving(TestBroker broker) throws Exception {
        try (Multiprocessing client = cluster.connect()) {
            assertEquals(4L, ((Number) client.pool().apply("square", 2)).longValue());
            try (Connection admin = broker.newConnection(); Channel channel = admin.createChannel()) {
                channel.queueDelete(client.core().replyQueue());
            }
            assertEquals(9L, ((Number) client.pool().applyAsync("square", 3).get(WAIT)).longValue());
        }
    }

    /**
     * Issue 14: a reply queue found gone (its results with it) means the jobs still waiting may never
     * get theirs: the producer publishes them again. The job then runs twice: one result for the
     * caller, the other dropped as a duplicate, which is how this test sees the job was asked for again.
     */
    @Test
    void jobsStillWaitingWhenTheReplyQueueIsLostAreAskedForAgain(TestBroker broker) throws Exception {
        try (Multiprocessing client = cluster.connect()) {
            AsyncResult<Object> waiting = client.pool().applyAsync("sleep", 1.5, "kept");
            try (Connection admin = broker.newConnection(); Channel channel = admin.createChannel()) {
                channel.queueDelete(client.core().replyQueue());
            }
            assertEquals("kept", waiting.get(WAIT));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (client.duplicateResultsDropped() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, client.duplicateResultsDropped(), "the job was published again and ran twice");
        }
    }

    private static List<Long> longs(List<Object> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

}
