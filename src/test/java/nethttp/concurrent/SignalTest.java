package nethttp.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A signal fires once, wakes every waiter, and a timed wait says whether it fired. */
class SignalTest {

    @Test
    void aTimedWaitEndsWithFalseWhenNothingFires() {
        Signal s = new Signal();
        long t0 = System.nanoTime();
        assertFalse(s.await(Duration.ofMillis(30)));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(30));
        assertFalse(s.isFired());
    }

    @Test
    void aTimedWaitEndsWithTrueWhenAnotherThreadFires() throws Exception {
        Signal s = new Signal();
        CountDownLatch waiting = new CountDownLatch(1);
        var result = new java.util.concurrent.atomic.AtomicReference<Boolean>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            waiting.countDown();
            result.set(s.await(Duration.ofMinutes(1)));
        });
        assertTrue(waiting.await(5, TimeUnit.SECONDS));
        assertTrue(s.fire());
        assertTrue(waiter.join(Duration.ofSeconds(5)));
        assertEquals(Boolean.TRUE, result.get());
        assertTrue(s.await(Duration.ZERO), "a fired signal answers at once");
    }

    @Test
    void onlyTheFirstFireCountsAndCallbacksRunOnce() {
        Signal s = new Signal();
        AtomicInteger runs = new AtomicInteger();
        s.onFire(runs::incrementAndGet);
        assertTrue(s.fire());
        assertFalse(s.fire());
        assertEquals(1, runs.get());
        s.onFire(runs::incrementAndGet); // registered late: runs at once
        assertEquals(2, runs.get());
    }
}
