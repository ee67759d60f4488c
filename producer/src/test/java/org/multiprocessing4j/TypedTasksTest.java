package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.builtin.BuiltInTasks;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.support.TypedTestTasks;
import org.multiprocessing4j.support.TypedTestTasks.Line;
import org.multiprocessing4j.support.TypedTestTasks.Order;
import org.multiprocessing4j.support.TypedTestTasks.Receipt;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** Tasks declared with their types: the compiler checks arguments, results come back typed, the wire is the same. */
@BrokerTest
class TypedTasksTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Cluster cluster;
    private static Multiprocessing mp;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(1, 4);
        mp = cluster.connect();
    }

    @AfterAll
    static void stop() {
        mp.close();
        cluster.close();
    }

    @Test
    void aRecordGoesInAndAPojoComesBackWithoutACast() {
        Order order = new Order("林一", List.of(new Line("tea", 2, 1.5), new Line("cake", 1, 4.0), new Line("tea", 1, 1.5)));
        Receipt receipt = mp.pool(2).apply(TypedTestTasks.CHECKOUT.call(order));
        assertEquals("林一", receipt.getCustomer());
        assertEquals(8.5, receipt.getTotal());
        assertEquals(Map.of("cake", 1, "tea", 3), receipt.getQuantities());
    }

    @Test
    void genericArgumentAndResultTypesConvertBothWays() {
        AsyncResult<List<List<Integer>>> parts = mp.pool(2).applyAsync(TypedTestTasks.SPLIT.call(List.of(1, 2, 3, 4, 5), 2));
        assertEquals(List.of(List.of(1, 2), List.of(3, 4), List.of(5)), parts.get(WAIT));
        // an optional parameter left out takes its default on the worker
        assertEquals(List.of(List.of(7, 8), List.of(9)),
                mp.pool(2).apply(Call.of("test.split", List.of(7, 8, 9)).returning(new org.multiprocessing4j.task.ValueType<List<List<Integer>>>() { })));
    }

    @Test
    void aTypedResultComesFromAWorkerProcess() {
        long workerPidPlusOne = mp.pool(1).apply(TypedTestTasks.PID_PLUS.call(1L));
        assertTrue(cluster.pids().contains(workerPidPlusOne - 1), "from a worker: " + cluster.pids());
        assertNotEquals(ProcessHandle.current().pid(), workerPidPlusOne - 1);
    }

    @Test
    void mapOfATypedTaskGivesAListOfItsResultType() {
        List<Number> squares = mp.pool(3).map(BuiltInTasks.SQUARE, List.of(1, 2, 3, 4L, 2.5));
        assertEquals(List.of(1, 4, 9, 16, 6.25), squares.stream().map(n -> n instanceof Double ? n : (Object) n.intValue()).toList());
        // Python's int has no size limit: neither does square's
        Number huge = mp.pool(1).apply(BuiltInTasks.SQUARE.call(BigInteger.TWO.pow(70)));
        assertEquals(BigInteger.TWO.pow(140), huge);
        assertEquals(new BigInteger("9223372037000250000"), mp.pool(1).apply(BuiltInTasks.SQUARE.call(3037000500L)));
    }

    @Test
    void aValueThatDoesNotFitTheDeclaredTypeIsRefusedNamingTheParameterBeforeTheTaskRuns() {
        RemoteTaskException wrongShape = assertThrows(RemoteTaskException.class,
                () -> mp.pool(1).apply(Call.of("test.checkout", List.of("not", "an", "order"))));
        assertEquals(BadArgumentsException.class.getName(), wrongShape.remoteType());
        assertTrue(wrongShape.remoteMessage().startsWith("test.checkout() argument 'order' must be Order"),
                wrongShape.remoteMessage());
        RemoteTaskException none = assertThrows(RemoteTaskException.class,
                () -> mp.pool(1).apply(Call.of("worker", (Object) null)));
        assertEquals("worker() argument 'interval' must be Double, got NoneType", none.remoteMessage());
    }

    @Test
    void theNameBasedPathReachesATypedTaskWithPlainValues() {
        Object receipt = mp.pool(1).apply(Call.of("test.checkout",
                Map.of("customer", "c", "lines", List.of(Map.of("item", "x", "quantity", 3, "price", 2.0)))));
        assertEquals(Map.of("customer", "c", "total", 6.0, "quantities", Map.of("x", 3)), receipt);
    }
}
