package org.multiprocessing4j.cli.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.sync.RemoteArray;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteValue;

/**
 * The Python documentation's multiprocessing examples for locks and shared memory, the main
 * programs of {@code lock_example.py} and {@code value_array_example.py}; their {@code f}s are the
 * workers' built-in tasks {@code lock_f} and {@code value_array_f}.
 */
final class SyncExamples {
    private SyncExamples() {
    }

    /** {@code lock = Lock(); for num in range(10): Process(target=f, args=(lock, num)).start()}. */
    static void lock(Multiprocessing mp, PrintWriter out) {
        RemoteLock lock = mp.lock();
        List<RemoteProcess> started = new ArrayList<>();
        for (int num = 0; num < 10; num++) {
            RemoteProcess p = mp.process("lock_f", lock, num);
            p.start();
            started.add(p);
        }
        started.forEach(RemoteProcess::join); // what Python does at exit, before the lock goes
    }

    /** {@code num = Value('d', 0.0); arr = Array('i', range(10))}; f(num, arr) in a process; print both. */
    static void valueArray(Multiprocessing mp, PrintWriter out) {
        RemoteValue num = mp.value("d", 0.0);
        RemoteArray arr = mp.array("i", List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        RemoteProcess p = mp.process("value_array_f", num, arr);
        p.start();
        p.join();
        out.println(num.get());
        out.println(arr.toList());
    }
}
