package org.multiprocessing4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a broker, to break one client's link on purpose:
 * {@link #cut()} closes every connection (FIN), {@link #reset()} resets them (RST),
 * {@link #blackhole()} keeps them open but silently drops every byte (only heartbeats can tell),
 * {@link #restore()} forwards again. tc netem is not available on these machines.
 */
public final class TcpProxy implements AutoCloseable {
    private enum Mode { FORWARD, BLACKHOLE }

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    private TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TcpProxy to(int targetPort) {
        try {
            return new TcpProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a proxy", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public int openLinks() {
        return (int) links.stream().filter(link -> !link.client.isClosed()).count();
    }

    /** Closes every link normally (the client sees the connection end). */
    public void cut() {
        links.forEach(link -> link.close(false));
        links.clear();
    }

    /** Resets every link (RST: the client sees "connection reset"). */
    public void reset() {
        links.forEach(link -> link.close(true));
        links.clear();
    }

    /** Links stay open but carry nothing, in either direction, for current and new connections. */
    public void blackhole() {
        mode = Mode.BLACKHOLE;
    }

    /** Forward again; links that were blackholed are closed, so their clients reconnect cleanly. */
    public void restore() {
        if (mode == Mode.BLACKHOLE) {
            reset();
        }
        mode = Mode.FORWARD;
    }

    @Override
    public void close() {
        closed = true;
        reset();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                try {
                    server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                } catch (IOException unreachable) {
                    client.close();
                    continue;
                }
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private final class Link {
        final Socket client;
        final Socket server;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, "up");
            pump(server, client, "down");
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        if (mode == Mode.FORWARD) {
                            out.write(buffer, 0, n);
                            out.flush();
                        } // BLACKHOLE: read and drop, as a network that loses every packet would
                    }
                } catch (IOException ignored) {
                    // link closed
                } finally {
                    if (mode == Mode.FORWARD) {
                        close(false);
                    } // BLACKHOLE: the other end must not learn of it; it has to notice by itself
                }
            }, "tcp-proxy-" + direction);
            thread.setDaemon(true);
            thread.start();
        }

        void close(boolean reset) {
            for (Socket socket : new Socket[] {client, server}) {
                try {
                    if (reset) {
                        socket.setSoLinger(true, 0);
                    }
                    socket.close();
                } catch (SocketException ignored) {
                    // already closed
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
