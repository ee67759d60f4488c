package org.multiprocessing4j.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.queue.RemoteQueue;

/**
 * The users' queues the page shows. AMQP cannot list queues, so they are the ones named with
 * --user-queue, plus every queue passed to a task: a job's arguments carry a reference
 * ({@code {"__mp4j_queue__": {"name": ...}}}, docs/PROTOCOL.md 4.2) that the events stream records.
 * A discovered queue that is deleted (an anonymous one, when its program ends) is forgotten.
 * At most {@value #MAX_WATCHED}, so memory stays bounded. Thread-safe.
 */
final class UserQueues implements AutoCloseable {
    static final int MAX_WATCHED = 50;
    private static final Pattern REFERENCE = Pattern.compile("\"__mp4j_queue__\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"([A-Za-z0-9_.:-]{1,200})\"");

    private final Set<String> named;
    private final Map<String, RemoteQueue> open = new LinkedHashMap<>();
    private final Map<String, Boolean> watched = new LinkedHashMap<>(); // name -> named by the user (never forgotten)

    UserQueues(List<String> named) {
        this.named = Set.copyOf(named);
        named.forEach(name -> watched.put(name, true));
    }

    /** Watches the queues referenced in a job's arguments (as recorded, abbreviated). */
    synchronized void discover(String args) {
        if (args == null || !args.contains("__mp4j_queue__")) {
            return;
        }
        Matcher matcher = REFERENCE.matcher(args);
        while (matcher.find() && watched.size() < MAX_WATCHED) {
            watched.putIfAbsent(matcher.group(1), false);
        }
    }

    /** Each watched queue's size and bound, read now; a missing named one is shown as such. */
    synchronized List<Snapshot.UserQueue> read(Multiprocessing mp) {
        List<Snapshot.UserQueue> sizes = new ArrayList<>();
        for (String name : List.copyOf(watched.keySet())) {
            try {
                RemoteQueue queue = open.computeIfAbsent(name, mp::openQueue);
                sizes.add(new Snapshot.UserQueue(name, queue.qsize(), queue.maxsize(), true));
            } catch (QueueNotFoundException | IllegalArgumentException gone) {
                forget(name);
                if (named.contains(name)) {
                    sizes.add(new Snapshot.UserQueue(name, 0, 0, false));
                }
            } catch (MpException e) {
                forget(name); // opened again on the next read
            }
        }
        return sizes;
    }

    private void forget(String name) {
        RemoteQueue queue = open.remove(name);
        if (queue != null) {
            queue.close();
        }
        if (!named.contains(name)) {
            watched.remove(name);
        }
    }

    /** The names watched now, in the order they were first seen. */
    synchronized List<String> watched() {
        return List.copyOf(watched.keySet());
    }

    @Override
    public synchronized void close() {
        open.values().forEach(RemoteQueue::close);
        open.clear();
    }
}
