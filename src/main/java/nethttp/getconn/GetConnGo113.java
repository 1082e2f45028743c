package nethttp.getconn;

import java.io.IOException;
import nethttp.annotations.Mirrors;
import nethttp.concurrent.Mailbox;
import nethttp.concurrent.Signal;
import nethttp.core.Context;
import nethttp.core.Request;
import nethttp.event.ThreadRole;
import nethttp.event.TracedThread;
import nethttp.httptrace.ClientTrace;

/**
 * Go 1.13's {@code getConn}: a {@link WantConn} queued at once for an idle connection and for
 * permission to dial, settled exactly once by whichever comes first.
 */
public final class GetConnGo113 implements ConnFinder {
    public static final GetConnGo113 INSTANCE = new GetConnGo113();

    private GetConnGo113() {}

    private sealed interface Wake {}

    private record Ready() implements Wake {}

    private record ContextDone() implements Wake {}

    private record Canceled(IOException err) implements Wake {}

    // tag::go113-queue[]
    @Override
    @Mirrors(file = "net/http/transport.go", func = "Transport.getConn")
    public <C extends PooledConn> C getConn(ConnHost<C> t, Context ctx, ConnTrace<C> trace,
            Request cancelKey, ConnectMethodKey key) throws IOException {
        trace.getConn(key.addr());
        WantConn<C> w = new WantConn<>(t, key, ctx, trace);
        IOException failure = null; // the error getConn returns, if any
        Signal.Registration onReady = () -> {};
        Signal.Registration onDone = () -> {};
        try {
            if (t.idlePool().queueForIdleConn(w)) {
                C pc = w.pc();
                trace.gotConn(pc, pc.gotIdleConnTrace(pc.idleAt()));
                // Something non-null, so roundTrip can tell whether a cancel came in between.
                t.setReqCanceler(cancelKey, err -> {});
                return pc;
            }
            Mailbox<Wake> wake = new Mailbox<>();
            t.setReqCanceler(cancelKey, err -> wake.post(new Canceled(err)));
            onReady = w.ready.onFire(() -> wake.post(new Ready()));
            if (ctx.done() != null) {
                onDone = ctx.done().onFire(() -> wake.post(new ContextDone()));
            }

            queueForDial(t, w);

            Wake first = wake.take();
            wake.close();
            // tag::go113-outcome[]
            switch (first) {
                case Ready r -> {
                    C pc = w.pc();
                    if (pc != null) {
                        var info = new ClientTrace.GotConnInfo(
                                pc.conn(), pc.isReused(), false, null);
                        trace.gotConn(pc, info);
                        // Reused means it came through the pool: a connection became idle
                        // before our dial ended.
                        if (pc.isReused()) trace.idleWon(pc);
                        return pc;
                    }
                    // Prefer the cancellation that probably caused the error.
                    IOException err = w.err();
                    if (ctx.isDone()) err = ctx.err();
                    else if (wake.poll(0) instanceof Canceled c) {
                        err = t.canceledWhileWaiting(c.err());
                    }
                    throw err;
                }
                case ContextDone d -> throw ctx.err();
                case Canceled c -> throw t.canceledWhileWaiting(c.err());
            }
            // end::go113-outcome[]
        } catch (IOException e) {
            // Go's deferred w.cancel: whatever error getConn returns withdraws the wish
            failure = e;
            throw e;
        } finally {
            onReady.cancel();
            onDone.cancel();
            if (failure != null) w.cancel(failure);
        }
    }
    // end::go113-queue[]

    /** Dials for {@code w} now, or queues it for permission when the host is at {@code MaxConnsPerHost}. */
    // tag::queue-for-dial[]
    @Mirrors(file = "net/http/transport.go", func = "Transport.queueForDial")
    static <C extends PooledConn> void queueForDial(ConnHost<C> t, WantConn<C> w) {
        if (t.connsPerHost().acquireOrQueue(w.key, t.maxConnsPerHost(), w)) {
            startDialConnFor(t, w);
        } else {
            w.trace.waitForSlot(w.key.addr());
        }
    }
    // end::queue-for-dial[]

    static <C extends PooledConn> void startDialConnFor(ConnHost<C> t, WantConn<C> w) {
        long id = t.nextConnId();
        TracedThread.start(t.events(), ThreadRole.DIAL, id, "dial-" + id, self -> dialConnFor(t, w, id));
    }

    /**
     * Dials on behalf of {@code w}, which holds a permission to dial, and delivers the result. A
     * connection {@code w} no longer wants (an idle one reached it first, or it was canceled) goes
     * to the pool, where the oldest waiter gets it; a failed dial gives its permission back.
     */
    // tag::dial-conn-for[]
    @Mirrors(file = "net/http/transport.go", func = "Transport.dialConnFor")
    static <C extends PooledConn> void dialConnFor(ConnHost<C> t, WantConn<C> w, long id) {
        C pc = null;
        IOException err = null;
        try {
            pc = t.dialConn(w.ctx, w.key, id, w.trace);
        } catch (IOException e) {
            err = e;
        } catch (RuntimeException | Error e) {
            // whatever happened, the waiting request hears of it
            err = PoolErrors.dialFailed(e);
        }
        // a win is traced before the request wakes
        boolean delivered = w.deliverDialed(pc, err);
        if (err != null) {
            t.decConnsPerHost(w.key);
        } else if (!delivered) {
            t.parkLoser(pc, w.trace);
        }
    }
    // end::dial-conn-for[]
}
