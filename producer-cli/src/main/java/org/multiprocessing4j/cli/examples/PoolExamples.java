package org.multiprocessing4j.cli.examples;

import java.io.PrintWriter;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.Pool;

/** Section 6 of the tutorial: Pool(3) over five func("hello i") tasks, non-blocking then blocking. */
final class PoolExamples {
    private PoolExamples() {
    }

    /** Three start at once; each later one starts only after one ends; about 6 s in all. */
    static void applyAsync(Multiprocessing mp, PrintWriter out) {
        Pool pool = mp.pool(3);
        for (int i = 0; i < 5; i++) {
            String msg = "hello " + i;
            pool.applyAsync("func", msg);
        }
        pool.close();
        pool.join();
        out.println("主程序执行完成");
    }

    /** apply() blocks: start and end strictly alternate; about 15 s in all. */
    static void apply(Multiprocessing mp, PrintWriter out) {
        Pool pool = mp.pool(3);
        for (int i = 0; i < 5; i++) {
            String msg = "hello " + i;
            pool.apply("func", msg);
        }
        pool.close();
        pool.join();
        out.println("主程序执行完成");
    }
}
