package org.multiprocessing4j.faults.ha;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.multiprocessing4j.testkit.PrivateCluster;

/**
 * One private 3-node cluster for a test class (it takes 15-70 s to form, too long to make per
 * test), with every node running again before each test: a test that kills a node leaves it down,
 * and the next one restarts it only when it is about to start, so no test waits for a restart it
 * does not need.
 */
final class RunningCluster implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final String name;
    private PrivateCluster cluster;

    RunningCluster(String name) {
        this.name = name;
    }

    PrivateCluster get() {
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = PrivateCluster.start(name);
        System.out.printf("[cluster] %d nodes formed a cluster in %.1f s%n", cluster.size(), cluster.startTime().toMillis() / 1e3);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (int node = 0; node < cluster.size(); node++) {
            if (!cluster.isRunning(node)) {
                long began = System.nanoTime();
                cluster.restart(node);
                System.out.printf("[cluster] node %d restarted and rejoined in %.1f s%n", node, (System.nanoTime() - began) / 1e9);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }
}
