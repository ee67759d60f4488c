package org.multiprocessing4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every phase of scripts/bench in the order a full run takes them; add a new row's {@link Phase} here. */
final class Phases {
    static final List<Phase> ALL = List.of(
            new ThroughputPhase(),
            new LatencyPhase(),
            new PayloadsPhase(),
            new EventsPhase(),
            new CeleryPhase(),
            new CpythonPoolPhase(),
            new Pool3Phase(),
            new JobsQueuePhase(),
            new ProducerMemoryPhase(),
            new WorkerMemoryPhase(),
            new SyncPhase(),
            new ReplicationPhase());

    private Phases() {
    }

    static List<String> ids() {
        return ALL.stream().map(Phase::id).toList();
    }

    /**
     * The phases to run: those named in {@code only} (all when empty), less those in {@code skip}.
     *
     * @throws IllegalArgumentException naming an id that is not a phase, with the list of ids
     */
    static List<Phase> select(List<String> only, List<String> skip) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : concat(only, skip)) {
            if (!ids().contains(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown phase " + String.join(", ", unknown) + " (phases: "
                    + String.join(", ", ids()) + ")");
        }
        return ALL.stream().filter(phase -> only.isEmpty() || only.contains(phase.id()))
                .filter(phase -> !skip.contains(phase.id())).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
