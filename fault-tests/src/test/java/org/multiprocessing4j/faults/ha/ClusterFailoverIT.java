package org.multiprocessing4j.faults.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputLine;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.PrivateBroker;
import org.multiprocessing4j.testkit.PrivateCluster;
import org.multiprocessing4j.testkit.TcpProxy;

/**
 * Issue 14's "done when", on one private 3-node cluster started once for the class (it takes
 * 15-50 s to form): each scenario prints its figures (submitted, results, lost, duplicates seen by
 * the caller) and asserts 0 lost and 0 duplicate.
 * <ol>
 *   <li>a node down while a new producer and a new worker start (the node that declared the namespace's queues);</li>
 *   <li>the node a worker is on killed -9: the worker works on another node within 10 s;</li>
 *   <li>the jobs queue's leader killed -9 in the middle of 1,000 tasks;</li>
 *   <li>the producer's node killed -9, kept down 20 s (over 15 s), restarted, in the middle of 300 tasks of 0.2 s;</li>
 *   <li>terminate during and after a node restart stops every targeted process, reruns and orphaned runs included;</li>
 *   <li>a worker cut off 20 s while its task finishes: one result, and the lines of one run (a marker before a rerun's).</li>
 * </ol>
 * Each test restores a node it took down only lazily, before the next test ({@link RunningCluster}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {
    private static final int HOME = 0;
    @RegisterExtension
    static final RunningCluster running = new RunningCluster("ha");
    private final PrivateCluster cluster = running.get(); // a test instance is made after the cluster started

    @Test
    @Order(1)
    void clientsGivenEveryNodeConnectAndWorkWhileOneNodeIsDown() throws Exception {
        int down = 2;
        try (ClusterClients clients = new ClusterClients(cluster, "ha-a")) {
            // Declared from the node then killed: a queue living on one node would live there (phase 1: nobody could start).
            clients.declareTopologyOn(down);
            Thread.sleep(2000); // a quorum queue killed within 1-2 s of its declaration can lose its leader (Ra, 3.10.8)
            cluster.kill(down);
            long began = System.nanoTime();
            ChildProcess worker = clients.worker("a-worker", cluster.uri(), 2);
            List<Integer> producerNodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try (Multiprocessing mp = clients.producer(cluster.uri())) {
                    producerNodes.addAll(cluster.nodesOfConnections("mp4j producer"));
                    assertEquals(i * i, ((Number) mp.pool().apply("square", i)).intValue());
                }
            }
            int workerNode = clients.nodeOf(worker);
            System.out.printf("[node %d down, it declared the queues] a worker started on node %d; 4 producers started, on"
                    + " nodes %s, each got its result: 4 submitted, 4 results, lost 0, duplicates 0; %.1f s in all%n", down,
                    workerNode, producerNodes, (System.nanoTime() - began) / 1e9);
            assertNotEquals(down, workerNode);
            assertEquals(4, producerNodes.size(), "one connection per producer");
            assertTrue(producerNodes.stream().noneMatch(node -> node == down), producerNodes.toString());
        }
    }

    /**
     * Also given two addresses that accept TCP connections and never answer (blackholed proxies): a
     * node too busy or half dead to answer the handshake. amqp-client tries a list's addresses in
     * turn within one recovery attempt, so with its 10 s handshake timeout one such address held the
     * failover for 11 s, with no failed attempt logged (phase 1 saw that twice in ten runs under load:
     * a busy node). With several nodes the handshake now gets 4 s; with two such addresses, the
     * failover meets at least one of them two times in three.
     */
    @Test
    @Order(2)
    void aWorkerWhoseNodeIsKilledWorksOnAnotherNodeWithinTenSeconds() throws Exception {
        try (ClusterClients clients = new ClusterClients(cluster, "ha-b");
             TcpProxy mute1 = TcpProxy.to(cluster.port(HOME)); TcpProxy mute2 = TcpProxy.to(cluster.port(HOME))) {
            clients.declareTopologyOn(HOME);
            mute1.blackhole();
            mute2.blackhole();
            String uri = cluster.uri().replace("/%2F", ",127.0.0.1:" + mute1.port() + ",127.0.0.1:" + mute2.port() + "/%2F");
            try (Multiprocessing mp = clients.producer(cluster.uriOf(HOME))) {
                ChildProcess worker = clients.workerWhere("b-worker", uri, node -> node != HOME, 2);
                int victim = clients.nodeOf(worker);
                Pool pool = mp.pool();
                assertEquals(4, ((Number) pool.apply("square", 2)).intValue());

                Tally tally = new Tally();
                clients.awaitQueuesTwoSecondsOld(); // the setup since the declaration counts
                long killedAt = System.nanoTime();
                cluster.kill(victim);
                tally.submit(pool, 20, i -> Call.of("sleep", 0.01, i));
                String threads = ClusterClients.threadDumpIfNoResult(worker, tally, Duration.ofSeconds(5));
                tally.await(20, Duration.ofSeconds(60));
                double firstAfter = (tally.firstResultAt() - killedAt) / 1e9;
                double allAfter = (System.nanoTime() - killedAt) / 1e9;
                boolean logged = worker.awaitLine(line -> line.contains("reconnected to node"), Duration.ofSeconds(15));
                int now = clients.nodeOf(worker);
                System.out.printf("[worker's node killed] worker on node %d -> node %d; first new task done %.1f s after the"
                        + " kill -9, 20/20 in %.1f s; lost %d, duplicates %d. Worker log (Connector at debug):%n", victim, now,
                        firstAfter, allAfter, tally.lost(), tally.duplicates());
                worker.stderr().stream().filter(line -> !line.startsWith("\tat ")).forEach(line -> System.out.println("  " + line));
                if (threads != null) {
                    System.out.println("  no result 5 s after the kill; the worker's threads then:\n" + threads);
                }
                tally.assertEveryResultOnce(20);
                assertTrue(logged, "the worker logged its reconnection");
                assertNotEquals(victim, now, "the worker moved to a live node");
                assertTrue(firstAfter < 10, "working again within 10 s, took " + firstAfter);
                // One line when the link is lost and one when it is back, with the nodes; stack traces at debug only.
                String log = String.join("\n", worker.stderr());
                assertTrue(log.contains("link to node 127.0.0.1:" + cluster.port(victim) + " lost"), log);
                assertTrue(log.contains("reconnected to node 127.0.0.1:" + cluster.port(now) + " after"), log);
                assertEquals(List.of(), ClusterClients.stackTracesAboveDebug(worker.stderr()));
            }
        }
    }

    @Test
    @Order(3)
    void killingTheJobsQueueLeaderInTheMiddleOfAThousandTasksLosesNothing() throws Exception {
        int leader = 1;
        int tasks = 1000;
        try (ClusterClients clients = new ClusterClients(cluster, "ha-c")) {
            clients.declareTopologyOn(HOME);
            clients.moveJobsQueueTo(leader);
            assertEquals(leader, cluster.leaderOf(clients.jobsQueue()), "the jobs queue's leader is where it was declared");
            try (Multiprocessing mp = clients.producer(cluster.uriOf(HOME))) {
                // One worker on the leader's node, so the kill also moves a worker; the others where the shuffle puts them.
                List<ChildProcess> workers = List.of(clients.workerWhere("c-worker-1", node -> node == leader, 4),
                        clients.worker("c-worker-2", cluster.uri(), 4), clients.worker("c-worker-3", cluster.uri(), 4));
                List<Integer> workerNodes = workers.stream().map(clients::nodeOf).toList();
                Pool pool = mp.pool();
                Tally tally = new Tally();
                tally.submit(pool, tasks, i -> Call.of("sleep", 0.03, i));
                tally.await(300, Duration.ofSeconds(60));
                clients.awaitQueuesTwoSecondsOld(); // the setup since the declaration counts
                int before = tally.results();
                long killedAt = System.nanoTime();
                cluster.kill(leader);
                tally.await(tasks, Duration.ofSeconds(120));
                double doneAfter = (System.nanoTime() - killedAt) / 1e9;
                int newLeader = cluster.leaderOf(clients.jobsQueue());
                System.out.printf("[jobs leader killed] submitted %d, results %d, lost %d, duplicates seen by the caller %d,"
                        + " duplicate results dropped by the producer %d; leader node %d killed -9 after %d results, new"
                        + " leader node %d; longest pause without a result after the kill %.2f s, all done %.1f s after"
                        + " it; workers were on nodes %s, now on %s%n", tasks, tally.results(), tally.lost(), tally.duplicates(),
                        mp.duplicateResultsDropped(), leader, before, newLeader, tally.longestPauseAfter(killedAt), doneAfter, workerNodes,
                        workers.stream().map(clients::nodeOf).toList());
                assertTrue(before < tasks, "the kill happened in the middle of the tasks");
                assertNotEquals(leader, newLeader, "a surviving node leads the jobs queue");
                tally.assertEveryResultOnce(tasks);
            }
        }
    }

    @Test
    @Order(4)
    void theProducersNodeKilledAndDownTwentySecondsInTheMiddleOfThreeHundredTasksCostsNoResult() throws Exception {
        int tasks = 300;
        try (ClusterClients clients = new ClusterClients(cluster, "ha-d")) {
            clients.declareTopologyOn(HOME);
            try (Multiprocessing mp = clients.producer(cluster.uri())) {
                int victim = cluster.nodesOfConnections("mp4j producer").get(0);
                List<ChildProcess> workers = List.of(clients.worker("d-worker-1", cluster.uri(), 2),
                        clients.worker("d-worker-2", cluster.uri(), 2));
                List<Integer> workerNodes = workers.stream().map(clients::nodeOf).toList();
                Pool pool = mp.pool();
                Tally tally = new Tally();
                tally.submit(pool, tasks, i -> Call.of("sleep", 0.2, i));
                tally.await(40, Duration.ofSeconds(60));
                clients.awaitQueuesTwoSecondsOld(); // the setup since the declaration counts
                int before = tally.results();
                long killedAt = System.nanoTime();
                cluster.kill(victim);
                Thread.sleep(20_000);
                int whileDown = tally.results() - before;
                long restartedAt = System.nanoTime();
                cluster.restart(victim);
                double restart = (System.nanoTime() - restartedAt) / 1e9;
                tally.await(tasks, Duration.ofSeconds(90));
                double doneAfter = (System.nanoTime() - killedAt) / 1e9;
                int producerNow = cluster.nodesOfConnections("mp4j producer").get(0);
                System.out.printf("[producer's node killed, down 20 s] submitted %d, results %d, lost %d, duplicates seen by"
                        + " the caller %d, duplicate results dropped by the producer %d; producer on node %d (-> node %d);"
                        + " node killed -9 after %d results, %d results while it was down, restarted in %.1f s; longest"
                        + " pause without a result after the kill %.2f s; all done %.1f s after the kill; workers were on"
                        + " nodes %s, now on %s%n", tasks, tally.results(), tally.lost(), tally.duplicates(),
                        mp.duplicateResultsDropped(), victim, producerNow, before, whileDown, restart,
                        tally.longestPauseAfter(killedAt), doneAfter, workerNodes, workers.stream().map(clients::nodeOf).toList());
                assertTrue(before < tasks, "the kill happened in the middle of the tasks");
                tally.assertEveryResultOnce(tasks);
                assertTrue(whileDown > 0, "results kept coming while the producer's node was down");
            }
        }
    }

    @Test
    @Order(5)
    void terminateDuringAndAfterANodeRestartStopsEveryTargetedProcess() throws Exception {
        int restarted = 1;
        try (ClusterClients clients = new ClusterClients(cluster, "ha-e")) {
            clients.declareTopologyOn(HOME);
            try (Multiprocessing mp = clients.producer(cluster.uri())) {
                // One worker knows the restarted node only: it reconnects there as soon as it accepts connections,
                // maybe before the cancellations stream has its replica there again (what phase 1 got wrong).
                clients.worker("e-worker-1", cluster.uri(), 3);
                clients.worker("e-worker-2", cluster.uri(), 3);
                clients.worker("e-worker-on-" + restarted, cluster.uriOf(restarted), 3);
                List<RemoteProcess> processes = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    RemoteProcess process = mp.process(Call.of("long_task", "e" + i, 600));
                    process.start();
                    processes.add(process);
                }
                ClusterClients.awaitStarted(processes, Duration.ofSeconds(60));
                clients.awaitQueuesTwoSecondsOld(); // the setup since the declaration counts
                cluster.kill(restarted);
                Thread.sleep(2000);
                Thread restart = new Thread(() -> cluster.restart(restarted), "restart-node");
                restart.start();
                long duringAt = System.nanoTime();
                List<RemoteProcess> during = processes.subList(0, 4);
                during.forEach(RemoteProcess::terminate);
                restart.join(Duration.ofSeconds(90).toMillis());
                assertTrue(cluster.isRunning(restarted), "the node restarted");
                double terminatedAfterKill = (System.nanoTime() - duringAt) / 1e9;
                Thread.sleep(1000);
                List<RemoteProcess> after = processes.subList(4, processes.size());
                long afterAt = System.nanoTime();
                after.forEach(RemoteProcess::terminate);
                List<Integer> exitCodes = new ArrayList<>();
                for (RemoteProcess process : processes) {
                    process.join(Duration.ofSeconds(30));
                    exitCodes.add(process.exitCode());
                }
                double stoppedIn = (System.nanoTime() - afterAt) / 1e9;
                int stillRunning = clients.runningOnWorkers(mp, Duration.ofSeconds(20));
                System.out.printf("[terminate around a node restart] 9 processes of 600 s; node %d killed -9 and restarted;"
                        + " %d terminated while it restarted (the restart took %.1f s after that), %d after it; exit codes %s,"
                        + " all answered %.1f s after the last terminate; runs still going on the workers afterwards: %d%n",
                        restarted, during.size(), terminatedAfterKill, after.size(), exitCodes, stoppedIn, stillRunning);
                assertEquals(java.util.Collections.nCopies(processes.size(), -15), exitCodes);
                assertEquals(0, stillRunning, "every run of every targeted process stopped, on every worker");
            }
        }
    }

    @Test
    @Order(6)
    void aWorkerCutOffWhileItsTaskFinishesGivesOneResultAndTheLinesOfOneRun() throws Exception {
        int lines = 8;
        try (ClusterClients clients = new ClusterClients(cluster, "ha-f");
             TcpProxy proxy = TcpProxy.to(cluster.port(1))) {
            clients.declareTopologyOn(HOME);
            List<OutputLine> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (Multiprocessing mp = clients.producer(cluster.uriOf(HOME), shown::add)) {
                ChildProcess cut = clients.worker("f-cut-off", PrivateBroker.uriOnPort(proxy.port()), 1);
                Tally tally = new Tally();
                tally.submit(mp.pool(), 1, i -> Call.of("ticks", "f", lines, 1000));
                ClusterClients.awaitLines(shown, 2, Duration.ofSeconds(30));
                clients.awaitQueuesTwoSecondsOld(); // the setup since the declaration counts
                proxy.blackhole();
                long cutAt = System.nanoTime();
                ChildProcess other = clients.worker("f-other", cluster.uri(), 1);
                tally.await(1, Duration.ofSeconds(60));
                double resultAfter = (System.nanoTime() - cutAt) / 1e9;
                Thread.sleep(Math.max(0, 20_000 - (System.nanoTime() - cutAt) / 1_000_000));
                proxy.restore();
                boolean back = cut.awaitLine(line -> line.contains("reconnected to node"), Duration.ofSeconds(30));
                Thread.sleep(3000); // what the cut-off worker still had to say has arrived by now
                List<String> texts = shown.stream().map(line -> line.attempt() + "@" + line.pid() + ": " + line.text()).toList();
                System.out.printf("[worker cut off 20 s] 1 task of %d lines; result %.1f s after the cut; results %d, lost %d,"
                        + " duplicates seen by the caller %d, duplicate results dropped by the producer %d; the cut-off worker"
                        + " reconnected: %s; lines shown (attempt@pid):%n  %s%n", lines, resultAfter, tally.results(),
                        tally.lost(), tally.duplicates(), mp.duplicateResultsDropped(), back, String.join("\n  ", texts));
                tally.assertEveryResultOnce(1);
                ClusterClients.assertOneRunPerMarker(shown, lines, ProcessHandle.current().pid(), other.pid(), cut.pid());
                List<String> cutLog = cut.stderr().stream().filter(line -> !line.startsWith("\tat ")).toList();
                long warnings = cutLog.stream().filter(line -> line.contains(" WARN ")).count();
                System.out.printf("  the cut-off worker's log, %d warnings (Connector at debug):%n  %s%n", warnings,
                        String.join("\n  ", cutLog));
                assertEquals(List.of(), ClusterClients.stackTracesAboveDebug(cut.stderr()), "stack traces at debug only");
                assertTrue(warnings <= 6, "a few lines for a 20 s partition, not one a second: " + warnings);
            }
        }
    }
}
