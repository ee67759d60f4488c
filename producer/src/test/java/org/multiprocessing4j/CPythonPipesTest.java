package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.EofException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.pipe.Connection;

/**
 * CPython's {@code _TestConnection} and {@code _TestPoll}: Pipe and its two Connections (where the ports
 * come from: {@link CPythonQueuesPipesAndPoolsTestBase}).
 */
class CPythonPipesTest extends CPythonQueuesPipesAndPoolsTestBase {
    // ---- _TestConnection -----------------------------------------------------------------------

    @Test
    void test_connection() {
        Connection[] pipe = mp.pipe();
        Connection conn = pipe[0];
        Connection childConn = pipe[1];
        RemoteProcess p = mp.process("echo_conn", childConn);
        p.setDaemon(true);
        p.start();
        List<Object> seq = java.util.Arrays.asList(1, 2.25, null);
        conn.send(seq);
        assertEquals(seq, conn.recv());
        conn.send("hello world");
        assertEquals("hello world", conn.recv());
        String longmsg = "hello world".repeat(10);
        conn.send(longmsg);
        assertEquals(longmsg, conn.recv());

        assertFalse(conn.poll());
        assertFalse(conn.poll(Duration.ofMillis(-1)));
        assertFalse(conn.poll(Duration.ofMillis(100)));
        conn.send(null);
        sleep(100);
        assertTrue(conn.poll(Duration.ofMillis(100)));
        assertNull(conn.recv());

        String reallyBigMsg = "X".repeat(1024 * 1024 * 16); // 16 MB
        conn.send(reallyBigMsg);
        assertEquals(reallyBigMsg, conn.recv());

        conn.send("");       // tell child to quit
        childConn.close();   // the parent's copy: handed to the child, so only let go
        assertTrue(conn.readable());
        assertTrue(conn.writable());
        assertThrows(EofException.class, conn::recv);
        assertThrows(EofException.class, conn::recv);
        p.join(WAIT);
        assertEquals(0, p.exitCode(), String.valueOf(p.failure()));
        assertNotEquals(MY_PID, p.pid());
    }

    @Test
    void test_duplex_false() {
        Connection[] pipe = mp.pipe(false);
        Connection reader = pipe[0];
        Connection writer = pipe[1];
        writer.send(1);
        assertEquals(1, ((Number) reader.recv()).intValue());
        assertTrue(reader.readable());
        assertFalse(reader.writable());
        assertFalse(writer.readable());
        assertTrue(writer.writable());
        assertThrows(MpException.class, () -> reader.send(2));
        assertThrows(MpException.class, writer::recv);
        assertThrows(MpException.class, writer::poll);
    }

    @Test
    void test_spawn_close() {
        Connection[] pipe = mp.pipe();
        Connection conn = pipe[0];
        Connection childConn = pipe[1];
        RemoteProcess p = mp.process("echo_conn", childConn);
        p.setDaemon(true);
        p.start();
        childConn.close(); // this might complete before child initializes
        conn.send("hello");
        assertEquals("hello", conn.recv());
        conn.send("");
        conn.close();
        p.join(WAIT);
        assertEquals(0, p.exitCode(), String.valueOf(p.failure()));
        assertNotEquals(MY_PID, p.pid());
    }

    @Test
    void test_context() {
        Connection a;
        Connection b;
        Connection[] pipe = mp.pipe();
        try (Connection first = pipe[0]; Connection second = pipe[1]) {
            a = first;
            b = second;
            a.send(1729);
            assertEquals(1729, ((Number) b.recv()).intValue());
            assertFalse(a.closed());
            assertFalse(b.closed());
        }
        assertTrue(a.closed());
        assertTrue(b.closed());
        assertThrows(ClosedException.class, a::recv);
        assertThrows(ClosedException.class, b::recv);
    }

    // ---- _TestPoll -----------------------------------------------------------------------------

    @Test
    void test_empty_string() {
        Connection[] pipe = mp.pipe();
        Connection a = pipe[0];
        Connection b = pipe[1];
        assertFalse(a.poll());
        b.send("");
        assertTrue(a.poll(Duration.ofSeconds(5)));
        assertTrue(a.poll());
        assertEquals("", a.recv());
    }

    @Test
    void test_strings() {
        List<String> strings = List.of("hello", "", "a", "b", "", "bye", "", "lop");
        Connection[] pipe = mp.pipe();
        Connection a = pipe[0];
        RemoteProcess p = mp.process("child_strings", pipe[1], strings);
        p.start();
        for (String s : strings) {
            for (int i = 0; i < 200; i++) {
                if (a.poll(Duration.ofMillis(10))) {
                    break;
                }
            }
            assertEquals(s, a.recv());
        }
        assertThrows(EofException.class, a::recv, "the child closed its end");
        p.join(WAIT);
        assertNotEquals(MY_PID, p.pid());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
