package nethttp.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The shared timer runs each task once, in deadline order, on one daemon thread, and a cancelled task never. */
class TimersTest {

    @Test
    void aTaskRunsOnceOnTheSharedDaemonThread() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Thread> on = new AtomicReference<>();
        Timers.schedule(() -> {
            on.set(Thread.currentThread());
            ran.countDown();
        }, 1, TimeUnit.MILLISECONDS);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertTrue(on.get().isDaemon(), "a pending timer must not keep the JVM alive");
        assertEquals(Timers.THREAD_NAME, on.get().getName());
    }

    @Test
    void aCancelledTaskNeverRunsWhileLaterOnesDo() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        ScheduledFuture<?> cancelled = Timers.schedule(() -> order.add("cancelled"), 20, TimeUnit.MILLISECONDS);
        Timers.schedule(() -> order.add("first"), 10, TimeUnit.MILLISECONDS);
        Timers.schedule(() -> {
            order.add("second");
            last.countDown();
        }, 40, TimeUnit.MILLISECONDS);
        assertTrue(cancelled.cancel(false));
        assertTrue(last.await(10, TimeUnit.SECONDS));
        // One thread runs tasks in deadline order, so the cancelled one's time has passed.
        assertEquals(List.of("first", "second"), order);
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheTimer() throws Exception {
        ScheduledFuture<?> failing = Timers.schedule(() -> {
            throw new IllegalStateException("boom");
        }, 1, TimeUnit.MILLISECONDS);
        CountDownLatch after = new CountDownLatch(1);
        Timers.schedule(after::countDown, 5, TimeUnit.MILLISECONDS);
        assertTrue(after.await(10, TimeUnit.SECONDS));
        assertTrue(failing.isDone());
        assertFalse(failing.isCancelled());
    }
}
