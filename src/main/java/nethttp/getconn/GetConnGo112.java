package nethttp.getconn;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;
import nethttp.concurrent.Mailbox;
import nethttp.concurrent.Signal;
import nethttp.core.Context;
import nethttp.core.Request;
import nethttp.event.ThreadRole;
import nethttp.event.TracedThread;
import nethttp.httptrace.ClientTrace;

/**
 * Go 1.12's {@code getConn}: take an idle connection if there is one; otherwise start a dial and
 * wait for the first of: the dial, a connection handed over as it becomes idle (Go's
 * {@code idleConnCh}), or cancellation. When the dial loses, it runs on, and its connection is
 * parked in the pool (or closed) once it is ready: Go's {@code handlePendingDial}.
 *
 * <p>With {@code MaxConnsPerHost}, a request first waits for a permission to dial, racing it
 * against a handed-over connection in the same way. Go 1.12 counted these permissions wrongly
 * in some orders of events; here a permission passes straight from a closed connection to the
 * oldest waiter, as in Go 1.13, so that both strategies keep the cap.
 */
public final class GetConnGo112 implements ConnFinder {
    public static final GetConnGo112 INSTANCE = new GetConnGo112();

    private GetConnGo112() {}

    /** The cases of Go 1.12's select; the first to settle the {@link Race} wins. */
    public sealed interface Outcome<C> {}

    public record Dialed<C>(C pc, IOException err) implements Outcome<C> {}

    public record HandedOver<C>(C pc) implements Outcome<C> {}

    public record Slot<C>() implements Outcome<C> {}

    public record ContextDone<C>() implements Outcome<C> {}

    public record Canceled<C>(IOException err) implements Outcome<C> {}

    /**
     * One waiting getConn: the receiving side of the select. Settled once; a sender that finds
     * it settled keeps what it brought (a handed-over connection stays with its giver, a dial's
     * connection is parked by the dialing thread, a slot goes to the next waiter).
     */
    public static final class Race<C> implements IdlePool.Waiter<C>, ConnsPerHost.Waiter {
        private final ReentrantLock mu = new ReentrantLock();
        public final Mailbox<Outcome<C>> won = new Mailbox<>();
        private boolean settled;
        /** Which outcomes this phase of the select accepts. */
        private volatile boolean acceptSlot;
        private volatile boolean acceptDial;
        /** Set when getConn returns: only then does the waiter leave the queues for good. */
        private volatile boolean finished;

        public Race() {}

        // tag::go112-settle[]
        public boolean trySettle(Outcome<C> o) {
            mu.lock();
            try {
                if (settled) return false;
                if (o instanceof Slot && !acceptSlot) return false;
                if (o instanceof Dialed && !acceptDial) return false;
                settled = true;
            } finally {
                mu.unlock();
            }
            won.post(o);
            return true;
        }
        // end::go112-settle[]

        /** Starts a new select with the same waiter: the MaxConnsPerHost phase ended with a slot. */
        void nextPhase() {
            mu.lock();
            try {
                settled = false;
                acceptSlot = false;
                acceptDial = true;
            } finally {
                mu.unlock();
            }
        }

        /**
         * Moves on to the dial phase unless something (a handed-over connection, a cancel)
         * already settled the select: then there is nothing to dial for, and the outcome waits
         * in the mailbox.
         */
        public boolean tryNextPhase() {
            mu.lock();
            try {
                if (settled) return false;
                acceptSlot = false;
                acceptDial = true;
                return true;
            } finally {
                mu.unlock();
            }
        }

        @Override
        public boolean waiting() {
            return !finished;
        }

        @Override
        public boolean tryDeliver(C pc) {
            return trySettle(new HandedOver<>(pc));
        }

        @Override
        public boolean tryGrant() {
            return trySettle(new Slot<>());
        }
    }

    /** The select was settled between listening and dialing: take that outcome, dial nothing. */
    private static <C extends PooledConn> C settledBeforeDial(ConnHost<C> t, Context ctx, ConnTrace<C> trace, Race<C> race) throws IOException {
        return switch (race.won.take()) {
            case HandedOver<C> h -> handedOver(trace, h.pc());
            case ContextDone<C> d -> throw ctx.err();
            case Canceled<C> c -> throw t.canceledWhileWaiting(c.err());
            case Slot<C> s -> throw new IllegalStateException("a permission outside the slot phase");
            case Dialed<C> d -> throw new IllegalStateException("a dial before dialing");
        };
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "Transport.getConn")
    public <C extends PooledConn> C getConn(ConnHost<C> t, Context ctx, ConnTrace<C> trace,
            Request cancelKey, ConnectMethodKey key) throws IOException {
        // tag::go112-idle-first[]
        trace.getConn(key.addr());
        C idle = t.idlePool().getIdleConn(key);
        if (idle != null) {
            trace.gotConn(idle, idle.gotIdleConnTrace(idle.idleAt()));
            t.setReqCanceler(cancelKey, err -> {});
            return idle;
        }

        Race<C> race = new Race<>();
        t.setReqCanceler(cancelKey, err -> race.trySettle(new Canceled<>(err)));
        Signal.Registration onDone = ctx.done() == null ? () -> {}
                : ctx.done().onFire(() -> race.trySettle(new ContextDone<>()));
        t.idlePool().listen(key, race);
        // end::go112-idle-first[]
        try {
            // tag::go112-slot[]
            if (t.maxConnsPerHost() > 0) {
                race.acceptSlot = true;
                if (!t.connsPerHost().acquireOrQueue(key, t.maxConnsPerHost(), race)) {
                    trace.waitForSlot(key.addr());
                    Outcome<C> first = race.won.take();
                    switch (first) {
                        case Slot<C> s -> race.nextPhase(); // permission to dial; go on below
                        case HandedOver<C> h -> {
                            t.connsPerHost().forget(key, race);
                            return handedOver(trace, h.pc());
                        }
                        case ContextDone<C> d -> {
                            t.connsPerHost().forget(key, race);
                            throw ctx.err();
                        }
                        case Canceled<C> c -> {
                            t.connsPerHost().forget(key, race);
                            throw t.canceledWhileWaiting(c.err());
                        }
                        case Dialed<C> d -> throw new IllegalStateException("dial before permission");
                    }
                } else if (!race.tryNextPhase()) {
                    t.decConnsPerHost(key); // the permission is not needed after all
                    return settledBeforeDial(t, ctx, trace, race);
                }
            } else if (!race.tryNextPhase()) {
                return settledBeforeDial(t, ctx, trace, race);
            }
            // end::go112-slot[]

            // tag::go112-dial-race[]
            long id = t.nextConnId();
            TracedThread.start(t.events(), ThreadRole.DIAL, id, "dial-" + id,
                    self -> dial(t, ctx, key, id, trace, race));

            Outcome<C> first = race.won.take();
            switch (first) {
                case Dialed<C> d -> {
                    if (d.pc() != null) {
                        var info = new ClientTrace.GotConnInfo(d.pc().conn(), false, false, null);
                        trace.gotConn(d.pc(), info);
                        trace.dialWon(d.pc());
                        return d.pc();
                    }
                    t.decConnsPerHost(key);
                    if (ctx.isDone()) throw ctx.err();
                    throw d.err();
                }
                case HandedOver<C> h -> {
                    return handedOver(trace, h.pc());
                }
                case ContextDone<C> d -> throw ctx.err();
                case Canceled<C> c -> throw t.canceledWhileWaiting(c.err());
                case Slot<C> s -> throw new IllegalStateException("a second permission");
            }
            // end::go112-dial-race[]
        } finally {
            race.finished = true;
            onDone.cancel();
            t.idlePool().unlisten(key, race);
        }
    }

    private static <C extends PooledConn> C handedOver(ConnTrace<C> trace, C pc) {
        trace.gotConn(pc, new ClientTrace.GotConnInfo(pc.conn(), pc.isReused(), false, null));
        trace.idleWon(pc);
        return pc;
    }

    /**
     * The dial goroutine: dials, then offers the result to the race; a loser parks its
     * connection.
     */
    private static <C extends PooledConn> void dial(ConnHost<C> t, Context ctx, ConnectMethodKey key, long id,
            ConnTrace<C> trace, Race<C> race) {
        C pc = null;
        IOException err = null;
        try {
            pc = t.dialConn(ctx, key, id, trace);
        } catch (IOException e) {
            err = e;
        } catch (RuntimeException | Error e) {
            // whatever happened, the waiting request hears of it
            err = PoolErrors.dialFailed(e);
        }
        dialEnded(t, key, trace, race, pc, err);
    }

    /**
     * The dial's result is offered to the race; if something else settled it first, nobody is
     * waiting for this dial any more, and it cleans up after itself (Go's
     * {@code handlePendingDial}): a connection is parked or closed, a failed dial's permission
     * is given back. A winning error's permission is given back by the request, in getConn.
     */
    @Mirrors(file = "net/http/transport.go", func = "Transport.getConn.handlePendingDial")
    public static <C extends PooledConn> void dialEnded(ConnHost<C> t, ConnectMethodKey key, ConnTrace<C> trace, Race<C> race,
            C pc, IOException err) {
        if (race.trySettle(new Dialed<>(pc, err))) return;
        if (err == null) {
            t.parkLoser(pc, trace);
        } else {
            t.decConnsPerHost(key);
        }
    }
}
