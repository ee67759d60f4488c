package org.multiprocessing4j.worker.seed;

import org.multiprocessing4j.sync.Held;
import org.multiprocessing4j.sync.RemoteArray;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteValue;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;

/**
 * The functions of the Python documentation's multiprocessing examples for locks and shared
 * memory (both are called {@code f} there): {@code lock_f(l, i)} and {@code value_array_f(n, a)}.
 */
public final class DocsSyncTasks implements TaskProvider {
    public static final String LOCK_F = "lock_f";
    public static final String VALUE_ARRAY_F = "value_array_f";

    @Override
    public void register(TaskRegistry tasks) {
        // def f(l, i): l.acquire(); try: print('hello world', i) finally: l.release()
        tasks.task(LOCK_F, Signature.of("l", "i"), call -> {
            try (Held held = call.arg("l", RemoteLock.class).hold()) {
                Py.print("hello world", call.integer("i"));
            }
            return null;
        });
        // def f(n, a): n.value = 3.1415927; for i in range(len(a)): a[i] = -a[i]
        tasks.task(VALUE_ARRAY_F, Signature.of("n", "a"), call -> {
            call.arg("n", RemoteValue.class).set(3.1415927);
            RemoteArray a = call.arg("a", RemoteArray.class);
            for (int i = 0; i < a.length(); i++) {
                a.set(i, -a.getInt(i));
            }
            return null;
        });
    }
}
