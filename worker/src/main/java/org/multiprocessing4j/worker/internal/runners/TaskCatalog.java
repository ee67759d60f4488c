package org.multiprocessing4j.worker.internal.runners;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.multiprocessing4j.task.ProcessTask;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.Task;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;
import org.multiprocessing4j.task.ValueType;

/**
 * Every task this worker can run, found through {@link ServiceLoader} at start-up. This is the
 * only way code gets into a worker: a message names an entry here or is refused.
 */
public final class TaskCatalog {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]{0,199}");

    /** A function task with the signature its arguments are bound to. */
    public record FunctionEntry(String name, Signature signature, ValueType<?> result, Task task, String provider) {
    }

    /** A registered Process subclass. */
    public record ProcessClassEntry(String name, Class<? extends ProcessTask> type, String provider) {
    }

    private final Map<String, FunctionEntry> functions = new TreeMap<>();
    private final Map<String, ProcessClassEntry> processClasses = new TreeMap<>();

    private TaskCatalog() {
    }

    /** Loads every {@link TaskProvider} visible to the class loader; fails on a clash or a bad name. */
    public static TaskCatalog load(ClassLoader classLoader) {
        TaskCatalog catalog = new TaskCatalog();
        for (TaskProvider provider : ServiceLoader.load(TaskProvider.class, classLoader)) {
            catalog.registerFrom(provider);
        }
        return catalog;
    }

    /** For tests and embedding: a catalog of exactly these providers. */
    public static TaskCatalog of(TaskProvider... providers) {
        TaskCatalog catalog = new TaskCatalog();
        for (TaskProvider provider : providers) {
            catalog.registerFrom(provider);
        }
        return catalog;
    }

    private void registerFrom(TaskProvider provider) {
        String source = provider.getClass().getName();
        provider.register(new TaskRegistry() {
            @Override
            public TaskRegistry task(String name, Signature signature, ValueType<?> result, Task task) {
                checkFree(validName(name), source);
                functions.put(name, new FunctionEntry(name, signature, result, task, source));
                return this;
            }

            @Override
            public TaskRegistry processClass(Class<? extends ProcessTask> type) {
                String name = validName(ProcessTask.registeredName(type));
                checkFree(name, source);
                processClasses.put(name, new ProcessClassEntry(name, type, source));
                return this;
            }
        });
    }

    public FunctionEntry function(String name) {
        return functions.get(name);
    }

    public ProcessClassEntry processClass(String name) {
        return processClasses.get(name);
    }

    /** All registered names, sorted (shown by {@code producer workers} and in errors). */
    public List<String> names() {
        List<String> names = new ArrayList<>(functions.keySet());
        names.addAll(processClasses.keySet());
        Collections.sort(names);
        return names;
    }

    /** True when a function or a Process class of that name is registered. */
    public boolean knows(String name) {
        return functions.containsKey(name) || processClasses.containsKey(name);
    }

    public boolean isEmpty() {
        return functions.isEmpty() && processClasses.isEmpty();
    }

    private void checkFree(String name, String source) {
        String owner = functions.containsKey(name) ? functions.get(name).provider()
                : processClasses.containsKey(name) ? processClasses.get(name).provider() : null;
        if (owner != null) {
            throw new IllegalStateException("task '" + name + "' is registered twice: by " + owner + " and by " + source);
        }
    }

    private static String validName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid task name: '" + name
                    + "' (letters, digits, '_', '.', ':', '-'; starting with a letter or '_')");
        }
        return name;
    }
}
