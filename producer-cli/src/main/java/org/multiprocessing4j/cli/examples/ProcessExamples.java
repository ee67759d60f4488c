package org.multiprocessing4j.cli.examples;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.RemoteProcess;

/**
 * Sections 1-5 of the tutorial. The children's lines come from the workers; the parent's from
 * here. As in Python, the program waits for its processes when it ends (Multiprocessing.close()),
 * so a child's output still appears when the parent never joins it.
 */
final class ProcessExamples {
    private ProcessExamples() {
    }

    /** §1: Process() creates a child; the parent does not join, and the child still runs to the end. */
    static void processCreate(Multiprocessing mp, PrintWriter out) {
        out.println("父进程运行");
        RemoteProcess p = mp.process("run_proc");
        out.println("子进程将要执行");
        p.start();
    }

    /** §1: passing args and kwargs: Process(target=run_proc, args=('林一',18), kwargs={'林三':16}). */
    static void processArgs(Multiprocessing mp, PrintWriter out) {
        out.println("主进程开始运行");
        RemoteProcess p = mp.process(Call.of("run_proc", "林一", 18).kwarg("林三", 16));
        out.println("子进程将要执行");
        p.start();
    }

    /** §2: join() waits for the child. */
    static void join(Multiprocessing mp, PrintWriter out) {
        RemoteProcess p = mp.process("worker", 3);
        p.start();
        p.join();
        out.println("主进程结束");
    }

    /** §2: join(3) returns after 3 s while the 5 s child goes on; its "work end" follows. */
    static void joinTimeout(Multiprocessing mp, PrintWriter out) {
        RemoteProcess p = mp.process("worker", 5);
        p.start();
        p.join(3);
        out.println("主进程结束");
    }

    /** §3: name, pid (of the worker process that ran it) and is_alive after join. */
    static void processAttributes(Multiprocessing mp, PrintWriter out) {
        RemoteProcess p = mp.process("clock", 1);
        p.start();
        p.join();
        out.println("pidname=" + p.name() + ",pid=" + p.pid());
        out.println("进程是否运行:" + python(p.isAlive()));
    }

    /** §4: three children at once; they end in the order work3, work2, work1. */
    static void multipleProcesses(Multiprocessing mp, PrintWriter out) {
        RemoteProcess p1 = mp.process("work1", 4);
        RemoteProcess p2 = mp.process("work2", 3);
        RemoteProcess p3 = mp.process("work3", 2);
        for (RemoteProcess p : List.of(p1, p2, p3)) {
            p.start();
        }
        for (RemoteProcess p : List.of(p1, p2, p3)) {
            p.join();
        }
        out.println("主进程结束");
    }

    /** §5: a Process subclass (ClockProcess, registered on the workers) built from its fields. */
    static void processSubclass(Multiprocessing mp, PrintWriter out) {
        RemoteProcess p = mp.processClass("ClockProcess", Map.of("interval", 2));
        p.start();
        p.join();
        out.println("主进程结束");
    }

    static String python(boolean value) {
        return value ? "True" : "False";
    }
}
