package dev.patchtrack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a database that is slow to give connections, as a loaded
 * machine is: each connection made while the proxy is slow waits {@code delay} before it is passed
 * on; after {@code slowFor} they pass at once. Bytes are relayed untouched.
 */
public final class SlowProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final long slowUntil;

    private SlowProxy(String host, int port, Duration delay, Duration slowFor) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        slowUntil = System.nanoTime() + slowFor.toNanos();
        threads.submit(() -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return;
                }
                connections.incrementAndGet();
                threads.submit(() -> relay(client, host, port, delay));
            }
        });
    }

    public static SlowProxy start(String host, int port, Duration delay, Duration slowFor) throws IOException {
        return new SlowProxy(host, port, delay, slowFor);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void relay(Socket client, String host, int port, Duration delay) {
        try (client; Socket upstream = new Socket()) {
            if (System.nanoTime() < slowUntil) {
                Thread.sleep(delay.toMillis());
            }
            upstream.connect(new InetSocketAddress(host, port), 10_000);
            threads.submit(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException | InterruptedException e) {
            // either side went away
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
