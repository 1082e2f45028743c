package nethttp.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import nethttp.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sustained load, bounded by a request count: 16 virtual threads send {@value #ROUNDS} rounds of
 * {@value #PER_ROUND} requests through one Transport to one server, a tenth of them on
 * connections closed after the reply. The heap after a full GC must not grow from round to round
 * beyond a small slack, and at the end nothing is left open.
 */
@Timeout(180)
class SoakTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 4000;
    private static final long SLACK_BYTES = 16L << 20;

    @Test
    void heapStaysFlatUnderSustainedLoad() throws Exception {
        try (Harness h = new Harness((w, r) -> {
            if (r.url.rawQuery.endsWith("0")) w.header().set("Connection", "close");
            w.writeString("reply " + r.url.rawQuery);
        }, srv -> {})) {
            Transport t = new Transport();
            t.maxIdleConnsPerHost = THREADS;
            List<Long> heapAfterRound = new ArrayList<>();
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            for (int round = 0; round < ROUNDS; round++) {
                AtomicInteger next = new AtomicInteger();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    threads.add(Thread.ofVirtual().start(() -> {
                        for (int n; (n = next.getAndIncrement()) < PER_ROUND; ) {
                            try {
                                assertEquals("reply " + n, FaultInjectionTest.get(t, h.url("/?" + n)));
                            } catch (Throwable e) {
                                errors.add(e);
                            }
                        }
                    }));
                }
                for (Thread th : threads) th.join();
                assertEquals(List.of(), List.copyOf(errors));
                heapAfterRound.add(usedHeapAfterGc());
            }
            // The first round warms up classes and caches; later rounds must not keep adding.
            long base = heapAfterRound.get(1);
            for (int i = 2; i < ROUNDS; i++) {
                assertTrue(heapAfterRound.get(i) <= base + SLACK_BYTES, "heap after each round: " + heapAfterRound);
            }
            t.closeIdleConnections();
            assertTrue(h.awaitQuiet(), "left: " + h.openConns.get() + " connections, " + h.liveThreads.get() + " threads");
            assertEquals(List.of(), h.log);
        }
    }

    private static long usedHeapAfterGc() {
        var mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return mem.getHeapMemoryUsage().getUsed();
    }
}
