package org.multiprocessing4j.cli.support;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.Multiprocessing;

/**
 * Ctrl-C (SIGINT) and SIGTERM end a command the way they end a Python program's children: what
 * the command started and has not finished is terminated on its workers, and what it made on the
 * broker (its reply queue, with any result in it) is deleted before the JVM exits.
 *
 * <p>Armed before the client connects: a signal that arrives while it connects waits for the
 * connection (the JVM runs shutdown hooks while the command's thread goes on), then cleans up.
 */
public final class Interrupts {
    /** A connection being made when the signal came gets this long to be made, to be cleaned up. */
    private static final Duration AWAIT_CONNECTING = Duration.ofSeconds(10);
    private static volatile boolean interrupted;

    private final Thread hook;
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile Multiprocessing client;

    private Interrupts(PrintWriter err) {
        this.hook = new Thread(() -> cleanUp(err), "mp4j-clean-up-on-signal");
    }

    /** True once a signal is ending this JVM: the command's own error, if any, is then noise. */
    public static boolean interrupted() {
        return interrupted;
    }

    /** Before connecting: from now on a signal cleans up after the command. */
    static Interrupts arm(PrintWriter err) {
        Interrupts guard = new Interrupts(err);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** The command's client, connected: the one a signal closes. */
    void attach(Multiprocessing mp) {
        client = mp;
        settled.countDown();
    }

    /** The command is over (closed, or never connected): a signal has nothing to clean up any more. */
    void disarm() {
        settled.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running, or ran
        }
    }

    private void cleanUp(PrintWriter err) {
        interrupted = true;
        try {
            if (!settled.await(AWAIT_CONNECTING.toMillis(), TimeUnit.MILLISECONDS) || client == null) {
                return;
            }
            if (!client.close(Duration.ZERO)) {
                err.println("producer: interrupted: terminated the unfinished work this command started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            err.println("producer: interrupted; could not clean up on the broker (" + OneLine.of(e.getMessage())
                    + "); its reply queue expires " + BrokerOptions.REPLY_QUEUE_EXPIRY.toMinutes() + " min after this");
        }
        err.flush();
    }
}
