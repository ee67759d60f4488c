package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.AsyncResult;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.errors.PayloadTooLargeException;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.testkit.PrivateBroker;

/**
 * Scenario 9: payloads over the broker's max_message_size (1 MiB on this node; the clients do not
 * know it): a clear error to the caller, while the connection and the other tasks keep working.
 */
class MaxMessageSizeIT {

    @Test
    void anOversizedArgumentResultOrItemIsAClearErrorAndEverythingElseKeepsWorking() throws Exception {
        try (PrivateBroker node = PrivateBroker.builder("maxsize").conf("max_message_size", "1048576").start();
             Cluster cluster = new Cluster("maxsize");
             Multiprocessing mp = Cluster.connect(node.uri(), "maxsize", OutputSink.discard())) {
            cluster.start("w", node.uri(), 4);
            Pool pool = mp.pool();
            String twoMegabytes = "x".repeat(2_000_000);

            List<AsyncResult<Object>> others = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                others.add(pool.applyAsync("square", i));
            }
            AsyncResult<Object> oversizedArgument = pool.applyAsync("echo", twoMegabytes);
            for (int i = 50; i < 100; i++) {
                others.add(pool.applyAsync("square", i));
            }
            PayloadTooLargeException argument = assertThrows(PayloadTooLargeException.class,
                    () -> oversizedArgument.get(Duration.ofSeconds(30)));

            RemoteTaskException result = assertThrows(RemoteTaskException.class,
                    () -> pool.apply("big", 2_000_000));
            assertEquals(PayloadTooLargeException.class.getName(), result.remoteType());

            RemoteQueue q = mp.queue();
            PayloadTooLargeException item = assertThrows(PayloadTooLargeException.class, () -> q.put(twoMegabytes));
            q.put("small");
            assertEquals("small", q.get(Duration.ofSeconds(5)));

            int ok = 0;
            for (int i = 0; i < others.size(); i++) {
                assertEquals((long) i * i, ((Number) others.get(i).get(Duration.ofSeconds(30))).longValue());
                ok++;
            }
            assertEquals(1_000_000L, ((Number) pool.apply("square", 1000)).longValue(), "still connected, still working");
            System.out.printf("[max message size 1 MiB] argument: %s | result: %s | queue item: %s | %d other tasks "
                    + "around them all completed%n", argument.getMessage(), result.remoteMessage(), item.getMessage(), ok);
            assertTrue(argument.getMessage().contains("max_message_size 1,048,576 bytes"), argument.getMessage());
            assertInstanceOf(PayloadTooLargeException.class, item);
        }
    }
}
