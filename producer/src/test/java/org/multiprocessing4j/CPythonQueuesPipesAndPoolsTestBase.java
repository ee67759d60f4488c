package org.multiprocessing4j;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * CPython's own tests for JoinableQueue, SimpleQueue, Pipe/Connection and Pool initializers
 * ({@code Lib/test/_test_multiprocessing.py}; two from {@code Lib/test/test_queue.py}), named as
 * there, with the child processes on real worker JVMs (each checked to have another pid than
 * this test's). Where CPython synchronises with an Event, these wait for the process instead.
 *
 * <p>The ports are split over {@link CPythonQueuesAndPoolInitializersTest} and {@link CPythonPipesTest};
 * this base holds what they share: a cluster of three worker JVMs per test class and the client.
 */
@BrokerTest
abstract class CPythonQueuesPipesAndPoolsTestBase {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final long MY_PID = ProcessHandle.current().pid();
    private static Cluster cluster;
    static Multiprocessing mp;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(3, 2);
        mp = cluster.connect();
    }

    @AfterAll
    static void stop() {
        mp.close();
        cluster.close();
    }
}
