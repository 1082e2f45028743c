package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.core.ConnState;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 50 virtual threads send 10,000 requests through one transport limited to 4 connections: no
 * errors, never more than 4 connections open at once, and afterwards no connection and no read
 * or write loop left.
 *
 * <p>The test counts open connections, not dials: as Go's, the transport closes a connection
 * whose write loop has not reported within 50 ms of the response (maxWriteWaitBeforeConnReuse),
 * which a busy machine can cause, and then dials a new one.
 */
class LoadTest {
    private static final int THREADS = 50;
    private static final int REQUESTS = 10_000;

    /** Counts up and down, and lets a test wait for zero. */
    static final class Gauge {
        private final ReentrantLock mu = new ReentrantLock();
        private final Condition zero = mu.newCondition();
        private int n;

        void add(int d) {
            mu.lock();
            try {
                n += d;
                if (n == 0) zero.signalAll();
            } finally {
                mu.unlock();
            }
        }

        boolean awaitZero(long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            mu.lock();
            try {
                while (n != 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return false;
                    zero.awaitNanos(left);
                }
                return true;
            } finally {
                mu.unlock();
            }
        }

        int get() {
            mu.lock();
            try {
                return n;
            } finally {
                mu.unlock();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(GetConnStrategy.class)
    @Timeout(120)
    void tenThousandRequestsOverFourConnections(GetConnStrategy strategy) throws Exception {
        Gauge serverConns = new Gauge();
        try (LocalServer s = new LocalServer((w, r) -> w.writeString("reply to " + r.url.rawQuery), srv -> srv.connState = (c, st) -> {
            if (st == ConnState.NEW) serverConns.add(1);
            if (st == ConnState.CLOSED) serverConns.add(-1);
        })) {
            AtomicInteger dials = new AtomicInteger();
            AtomicInteger closed = new AtomicInteger();
            AtomicInteger mostOpen = new AtomicInteger();
            Transport t = new Transport();
            t.getConnStrategy = strategy;
            t.maxConnsPerHost = 4;
            t.maxIdleConnsPerHost = 4;
            t.dialer = (ctx, network, addr) -> {
                int open = dials.incrementAndGet() - closed.get();
                mostOpen.accumulateAndGet(open, Math::max);
                return Dialer.TCP.dial(ctx, network, addr);
            };
            Gauge loops = new Gauge();
            t.events.subscribe(e -> {
                if (e instanceof ClientTraceEvent ce && ce.kind() == ClientTraceEvent.Kind.CONN_CLOSED) {
                    closed.incrementAndGet();
                }
                if (e instanceof ThreadEvent te && (te.role() == ThreadRole.READ_LOOP || te.role() == ThreadRole.WRITE_LOOP)) {
                    if (te.kind() == ThreadEvent.Kind.STARTED) loops.add(1);
                    if (te.kind() == ThreadEvent.Kind.ENDED) loops.add(-1);
                }
            });

            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < REQUESTS) {
                        try {
                            Request req = s.get("/load?n=" + n);
                            Response resp = t.roundTrip(req);
                            String body;
                            try (InputStream b = resp.body) {
                                body = new String(b.readAllBytes(), StandardCharsets.ISO_8859_1);
                            }
                            if (resp.statusCode != 200 || !body.equals("reply to n=" + n)) {
                                throw new AssertionError(resp.statusCode + " " + body);
                            }
                            ok.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            for (Thread th : threads) th.join();

            assertEquals(List.of(), List.copyOf(errors));
            assertEquals(REQUESTS, ok.get());
            assertTrue(mostOpen.get() <= 4, "connections open at once: " + mostOpen.get());
            assertTrue(t.idleConnCount() <= 4);

            t.closeIdleConnections();
            assertTrue(serverConns.awaitZero(20), "server connections left: " + serverConns.get());
            assertTrue(loops.awaitZero(20), "read/write loops left: " + loops.get());
            assertEquals(0, t.idleConnCount());
            assertEquals(0, s.srv.connectionCount());
        }
    }
}
