package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.AsyncResult;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputLine;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/** Starting more workers while work waits, and stopping one with SIGTERM (what docker compose sends). */
@BrokerTest
class ScalingAndStoppingIT {

    @Test
    void workersStartedWhileTasksAreQueuedTakeTheirShareAtOnce(TestBroker broker) throws Exception {
        Map<Long, AtomicInteger> startsByPid = new ConcurrentHashMap<>();
        OutputSink countStarts = (OutputLine line) -> {
            if (line.text().equals("work start")) {
                startsByPid.computeIfAbsent(line.pid(), pid -> new AtomicInteger()).incrementAndGet();
            }
        };
        try (ShippedWorkers workers = new ShippedWorkers(broker); Multiprocessing mp = workers.connect(countStarts)) {
            ChildProcess first = workers.start("first", 1);
            Pool pool = mp.pool();
            List<AsyncResult<Object>> results = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                results.add(pool.applyAsync("worker", 0.05)); // seed task: prints work start/end, sleeps 50 ms
            }
            Thread.sleep(1000);
            int queuedWhenOthersStarted = mp.jobsWaiting();
            ChildProcess second = workers.start("second", 1);
            ChildProcess third = workers.start("third", 1);
            results.forEach(result -> result.get(Duration.ofMinutes(2)));

            Map<String, Integer> share = new TreeMap<>();
            for (ChildProcess worker : List.of(first, second, third)) {
                AtomicInteger count = startsByPid.get(worker.pid());
                share.put(worker.name(), count == null ? 0 : count.get());
            }
            System.out.println("300 tasks; " + queuedWhenOthersStarted + " still queued when the 2nd and 3rd worker "
                    + "started; tasks per worker: " + share + "; duplicates dropped: " + mp.duplicateResultsDropped());
            assertTrue(queuedWhenOthersStarted > 100, "work was waiting when they joined: " + queuedWhenOthersStarted);
            share.forEach((name, count) -> assertTrue(count > 0, name + " took a share: " + share));
            assertEquals(300, share.values().stream().mapToInt(Integer::intValue).sum(), "each task ran once");
        }
    }

    @Test
    void aWorkerStoppedWithSigtermFinishesItsTaskOnceAndTakesNoMore(TestBroker broker) throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ShippedWorkers workers = new ShippedWorkers(broker);
             Multiprocessing mp = workers.connect(line -> lines.add(line.pid() + " " + line.text()))) {
            try {
                sigtermedWorkerFinishesItsTask(workers, mp, lines);
            } finally {
                mp.terminateAll(); // a failed assertion must not leave close() waiting for a job no worker will run
            }
        }
    }

    private static void sigtermedWorkerFinishesItsTask(ShippedWorkers workers, Multiprocessing mp, List<String> lines)
            throws Exception {
        {
            ChildProcess stopping = workers.start("stopping", 1);
            RemoteProcess inFlight = mp.process("worker", 2);
            inFlight.start();
            awaitPid(inFlight);
            assertEquals(stopping.pid(), inFlight.pid());
            RemoteProcess queuedBehind = mp.process("worker", 0.1);
            queuedBehind.start();

            long signalled = System.nanoTime();
            stopping.sigterm();
            Integer exit = stopping.awaitExit(Duration.ofSeconds(30));
            double stoppedAfter = (System.nanoTime() - signalled) / 1e9;
            assertNotNull(exit, "the worker exited after finishing its task");
            inFlight.join(Duration.ofSeconds(10));
            assertEquals(0, inFlight.exitCode(), "the task in hand completed");
            assertTrue(queuedBehind.isAlive(), "the stopping worker took no new job");
            assertTrue(stopping.stderr().stream().anyMatch(l -> l.contains("stopping: taking no more jobs, 1 in hand")),
                    stopping.describe());

            ChildProcess next = workers.start("next", 1);
            queuedBehind.join(Duration.ofSeconds(30));
            assertEquals(0, queuedBehind.exitCode());
            assertEquals(next.pid(), queuedBehind.pid(), "the queued job waited for another worker");
            long inFlightEnds = lines.stream().filter(l -> l.equals(stopping.pid() + " work end")).count();
            System.out.printf("SIGTERM: worker exited %d after %.1f s; its task ended once (%d 'work end'); "
                    + "duplicates dropped: %d%n", exit, stoppedAfter, inFlightEnds, mp.duplicateResultsDropped());
            assertEquals(1, inFlightEnds);
            assertEquals(0, mp.duplicateResultsDropped(), "it ran once, nothing was handed back half-done");
        }
    }

    private static void awaitPid(RemoteProcess process) throws InterruptedException {
        for (int i = 0; i < 400 && process.pid() == null; i++) {
            Thread.sleep(25);
        }
        assertNotNull(process.pid());
    }
}
