package org.multiprocessing4j.bench;

import org.multiprocessing4j.queue.Replication;

/**
 * Issue 14's cost of replication: classic (one node) against quorum (replicated) queues on the
 * run's broker or cluster, with the classic figure as the baseline. Rounds alternate which kind
 * goes first, so neither always meets the broker fresher. No target is set: the rows are reported.
 */
final class ReplicationPhase implements Phase {
    static final String GROUP = "Replication (issue 14): classic queues against quorum (replicated) queues";

    @Override
    public String id() {
        return "replication";
    }

    @Override
    public String title(Settings settings) {
        return String.format("classic against quorum queues: declare+delete, RemoteQueue put and get of %,d items "
                + "one at a time", items(settings));
    }

    /** Items per round and kind: a quorum queue's get does some tens a second on a busy machine. */
    private static int items(Settings settings) {
        return Math.max(100, settings.sequential() / 2);
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Settings settings = run.settings();
        int items = items(settings);
        Comparison declare = run.report().comparison(GROUP, "classic", "quorum",
                "declare + delete a queue, as a producer's reply queue (ms)", "%.1f", null);
        Comparison put = run.report().comparison(GROUP, "classic", "quorum",
                String.format("RemoteQueue put, %,d items one at a time (items/s)", items), "%,.0f", null);
        Comparison get = run.report().comparison(GROUP, "classic", "quorum",
                String.format("RemoteQueue get, %,d items one at a time (items/s)", items), "%,.0f", null);
        try (QueueCosts costs = new QueueCosts(settings.uri(), run.namespace("replication"))) {
            costs.measure(Replication.SINGLE_NODE, Math.max(50, items / 4)); // untimed: connections and JIT warm
            costs.measure(Replication.REPLICATED, Math.max(50, items / 4));
            for (int round = 1; round <= settings.rounds(); round++) {
                QueueCosts.Figures classic;
                QueueCosts.Figures quorum;
                if (round % 2 == 1) {
                    classic = costs.measure(Replication.SINGLE_NODE, items);
                    quorum = costs.measure(Replication.REPLICATED, items);
                } else {
                    quorum = costs.measure(Replication.REPLICATED, items);
                    classic = costs.measure(Replication.SINGLE_NODE, items);
                }
                declare.round(classic.declareMs(), quorum.declareMs());
                put.round(classic.putsPerSecond(), quorum.putsPerSecond());
                get.round(classic.getsPerSecond(), quorum.getsPerSecond());
                run.progress().note(String.format("round %d: declare+delete classic %.1f ms, quorum %.1f ms; put %,.0f "
                        + "and %,.0f items/s; get %,.0f and %,.0f items/s", round, classic.declareMs(), quorum.declareMs(),
                        classic.putsPerSecond(), quorum.putsPerSecond(), classic.getsPerSecond(), quorum.getsPerSecond()));
            }
        }
        run.report().note("Replication: on one node a quorum queue is not copied anywhere, so the rows show what its "
                + "protocol costs by itself; on a cluster (--uri with the nodes) every item is also copied to the others.");
    }
}
