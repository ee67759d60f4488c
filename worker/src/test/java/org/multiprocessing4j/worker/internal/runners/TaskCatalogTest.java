package org.multiprocessing4j.worker.internal.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskProvider;

class TaskCatalogTest {

    @Test
    void theSeedTasksAreFoundThroughServiceLoaderUnderTheirTutorialNames() {
        TaskCatalog catalog = TaskCatalog.load(getClass().getClassLoader());
        for (String name : new String[] {"func", "worker", "run_proc", "clock", "work1", "work2", "work3", "write", "read"}) {
            assertNotNull(catalog.function(name), name);
        }
        assertNotNull(catalog.processClass("ClockProcess"));
        assertTrue(catalog.names().contains("ClockProcess"));
    }

    @Test
    void aNameRegisteredTwiceStopsTheWorkerWithBothProviders() {
        TaskProvider a = tasks -> tasks.task("same", Signature.any(), call -> null);
        TaskProvider b = tasks -> tasks.task("same", Signature.any(), call -> null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TaskCatalog.of(a, b));
        assertTrue(e.getMessage().startsWith("task 'same' is registered twice"), e.getMessage());
    }

    @Test
    void aTaskNameMustBeAnIdentifierLikeWord() {
        TaskProvider bad = tasks -> tasks.task("rm -rf", Signature.any(), call -> null);
        assertThrows(IllegalArgumentException.class, () -> TaskCatalog.of(bad));
        assertEquals(0, TaskCatalog.of().names().size());
    }
}
