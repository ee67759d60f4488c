/**
 * Python's {@code multiprocessing}, across machines: start with {@link org.multiprocessing4j.Multiprocessing}.
 *
 * <pre>{@code
 * try (Multiprocessing mp = Multiprocessing.connect()) {          // AMQP_URI, or localhost
 *     Pool pool = mp.pool(3);                                     // multiprocessing.Pool(3)
 *     for (int i = 0; i < 5; i++) {
 *         pool.applyAsync("func", "hello " + i);                  // pool.apply_async(func, (msg,))
 *     }
 *     pool.close();
 *     pool.join();
 *
 *     RemoteProcess p = mp.process("worker", 3);                  // Process(target=worker, args=(3,))
 *     p.start();
 *     p.join();
 * }
 * }</pre>
 *
 * <p>Tasks run on worker processes, anywhere; what they print appears here, line by line.
 */
package org.multiprocessing4j;
