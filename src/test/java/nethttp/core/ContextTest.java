package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nethttp.concurrent.Mailbox;
import nethttp.concurrent.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The small Context, and the Signal and Mailbox the transport's selects are built from. */
@Timeout(10)
class ContextTest {

    @Test
    void cancelReachesChildrenButNotParents() {
        Context.Cancelable parent = Context.withCancel(Context.background());
        Context withValue = Context.withValue(parent, "k", "v");
        Context.Cancelable child = Context.withCancel(withValue);
        Context.Cancelable other = Context.withCancel(Context.background());
        assertFalse(child.isDone());
        assertNull(child.err());
        assertEquals("v", child.value("k"));
        parent.cancel();
        assertTrue(child.isDone());
        assertTrue(withValue.isDone());
        assertInstanceOf(Context.CanceledException.class, child.err());
        assertEquals("context canceled", child.err().getMessage());
        assertFalse(other.isDone());
        child.cancel(); // harmless
        Context.Cancelable late = Context.withCancel(parent);
        assertTrue(late.isDone(), "derived from a done context: done at once");
    }

    @Test
    void deadlinePasses() {
        Context.Cancelable ctx = Context.withTimeout(Context.background(), Duration.ofMillis(50));
        ctx.done().await();
        assertEquals("context deadline exceeded", ctx.err().getMessage());
        assertInstanceOf(java.net.SocketTimeoutException.class, ctx.err());
        Context.Cancelable inner = Context.withTimeout(ctx, Duration.ofHours(1));
        assertTrue(inner.isDone());
        assertEquals(ctx.deadline(), inner.deadline(), "the earlier deadline wins");
        assertFalse(Context.background().isDone());
        assertNull(Context.background().done());
    }

    @Test
    void signalRunsCallbacksOnceAndForgetsCanceledOnes() {
        Signal s = new Signal();
        AtomicInteger runs = new AtomicInteger();
        s.onFire(runs::incrementAndGet);
        Signal.Registration gone = s.onFire(() -> runs.addAndGet(100));
        gone.cancel();
        assertTrue(s.fire());
        assertFalse(s.fire());
        s.onFire(runs::incrementAndGet); // already fired: runs at once
        assertEquals(2, runs.get());
    }

    @Test
    void handOffSucceedsOnlyWhenTaken() throws Exception {
        Mailbox<String> box = new Mailbox<>();
        boolean[] taken = new boolean[1];
        Thread sender = Thread.ofVirtual().start(() -> taken[0] = box.handOff("x"));
        assertEquals("x", box.take());
        sender.join();
        assertTrue(taken[0]);

        Mailbox<String> abandoned = new Mailbox<>();
        Thread late = Thread.ofVirtual().start(() -> taken[0] = abandoned.handOff("y"));
        abandoned.close();
        late.join();
        // Either the sender saw the closed mailbox, or its letter was withdrawn when it closed.
        assertFalse(taken[0]);
        assertNull(abandoned.poll(0));
        assertFalse(abandoned.post("z"));
        assertNull(new Mailbox<String>().poll(Duration.ofMillis(20).toNanos()), "times out empty");
    }
}
