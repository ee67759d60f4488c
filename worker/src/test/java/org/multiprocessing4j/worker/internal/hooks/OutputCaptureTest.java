package org.multiprocessing4j.worker.internal.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

    @BeforeAll
    static void install() {
        OutputCapture.install();
    }

    @Test
    void aTaskThreadsLinesGoToItsSinkWholeAndInOrder() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (OutputCapture.Capture capture = OutputCapture.begin(lines::add)) {
            System.out.println("子进程运行中,name=林一");
            System.out.print("start: ");
            System.out.print("hello 0\r\n");
            System.out.print("no newline at the end");
        }
        assertEquals(List.of("子进程运行中,name=林一", "start: hello 0", "no newline at the end"), lines);
    }

    @Test
    void threadsATaskStartsPrintToTheSameTask() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (OutputCapture.Capture capture = OutputCapture.begin(lines::add)) {
            Thread child = new Thread(() -> System.out.println("from a child thread"));
            child.start();
            child.join();
        }
        assertEquals(List.of("from a child thread"), lines);
    }

    @Test
    void otherThreadsAreNotCaptured() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread outsider = new Thread(() -> System.out.println("worker log line, not task output"));
        try (OutputCapture.Capture capture = OutputCapture.begin(lines::add)) {
            outsider.start(); // started by this thread, but created before begin(): not inherited
            outsider.join();
        }
        assertEquals(List.of(), lines);
    }

    @Test
    void aMutedCaptureDropsLateLines() {
        List<String> lines = new CopyOnWriteArrayList<>();
        OutputCapture.Capture capture = OutputCapture.begin(lines::add);
        System.out.println("before");
        capture.mute();
        System.out.println("after abandon");
        capture.close();
        assertEquals(List.of("before"), lines);
    }
}
