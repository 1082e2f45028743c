package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.concurrent.Signal;
import nethttp.concurrent.Timers;

/**
 * A small retelling of Go's {@code context.Context}, as much as a request needs: it can be
 * canceled, it can have a deadline, it can carry values (a client trace), and everything derived
 * from it ends when it ends.
 *
 * <pre>{@code
 * Context.Cancelable ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(2));
 * req.context = ctx;
 * ...
 * ctx.cancel();      // always, when done with it: it releases the timer
 * }</pre>
 *
 * <p>A context is done once it, or any context it was derived from, is canceled or passes its
 * deadline; {@link #err()} then says why: {@link CanceledException} ("context canceled") or
 * {@link DeadlineExceededException} ("context deadline exceeded"), the texts of Go's
 * {@code context.Canceled} and {@code context.DeadlineExceeded}. Code that waits on something
 * else registers with {@link #done()} to be woken.
 */
@Mirrors(file = "context/context.go", func = "Context")
public class Context {
    private static final Context BACKGROUND = new Context(null, null, null);

    private final Context parent;
    private final Object key;
    private final Object value;

    private Context(Context parent, Object key, Object value) {
        this.parent = parent;
        this.key = key;
        this.value = value;
    }

    /**
     * For subclasses that decide how their signal comes about: a context with the values of
     * {@code parent}, whose {@link #done()}, {@link #err()} and {@link #deadline()} are the
     * parent's unless overridden.
     */
    protected Context(Context parent) {
        this(parent, null, null);
    }

    /** The root context: never canceled, no deadline, no values. */
    @Mirrors(file = "context/context.go", func = "Background")
    public static Context background() {
        return BACKGROUND;
    }

    /** A context that is done when {@code parent} is, or when its {@code cancel()} is called. */
    @Mirrors(file = "context/context.go", func = "WithCancel")
    public static Cancelable withCancel(Context parent) {
        return new Cancelable(parent, 0);
    }

    /**
     * A context that is also done at {@code deadlineNanos} ({@link System#nanoTime()} scale).
     * A deadline later than the parent's changes nothing.
     */
    @Mirrors(file = "context/context.go", func = "WithDeadline")
    public static Cancelable withDeadline(Context parent, long deadlineNanos) {
        return new Cancelable(parent, deadlineNanos);
    }

    /** {@link #withDeadline} at now plus {@code timeout}. */
    @Mirrors(file = "context/context.go", func = "WithTimeout")
    public static Cancelable withTimeout(Context parent, Duration timeout) {
        return withDeadline(parent, System.nanoTime() + timeout.toNanos());
    }

    /** A context that carries {@code value} under {@code key}, and is otherwise its parent. */
    @Mirrors(file = "context/context.go", func = "WithValue")
    public static Context withValue(Context parent, Object key, Object value) {
        return new Context(parent, key, value);
    }

    /** The value stored under {@code key} here or in an ancestor, or null. */
    @Mirrors(file = "context/context.go", func = "valueCtx.Value")
    public Object value(Object key) {
        for (Context c = this; c != null; c = c.parent) {
            if (c.key != null && c.key.equals(key)) return c.value;
        }
        return null;
    }

    /**
     * The signal that fires when this context is done; null for a context that can never be
     * done (Go's nil {@code Done()} channel, which blocks forever in a select).
     */
    @Mirrors(file = "context/context.go", func = "Context.Done")
    public Signal done() {
        return parent == null ? null : parent.done();
    }

    /** Whether the context is done. */
    public final boolean isDone() {
        Signal d = done();
        return d != null && d.isFired();
    }

    /** Why the context is done, or null while it is not. */
    @Mirrors(file = "context/context.go", func = "Context.Err")
    public IOException err() {
        return parent == null ? null : parent.err();
    }

    /** The deadline ({@link System#nanoTime()} scale) or 0 for none. */
    @Mirrors(file = "context/context.go", func = "Context.Deadline")
    public long deadline() {
        return parent == null ? 0 : parent.deadline();
    }

    /** A context with its own cancel function: Go's {@code cancelCtx} and {@code timerCtx}. */
    public static final class Cancelable extends Context {
        private final Signal done = new Signal();
        private final long deadline;
        private final ReentrantLock mu = new ReentrantLock();
        private IOException err;
        private volatile Signal.Registration fromParent;
        private volatile ScheduledFuture<?> timer;

        private Cancelable(Context parent, long deadlineNanos) {
            super(parent, null, null);
            long parentDeadline = parent.deadline();
            if (parentDeadline != 0 && (deadlineNanos == 0 || parentDeadline - deadlineNanos <= 0)) {
                deadlineNanos = 0; // the parent ends first; its end reaches us anyway
            }
            this.deadline = deadlineNanos != 0 ? deadlineNanos : parentDeadline;
            if (deadlineNanos != 0) {
                long wait = deadlineNanos - System.nanoTime();
                if (wait <= 0) {
                    cancel(new DeadlineExceededException());
                } else {
                    timer = Timers.schedule(() -> cancel(new DeadlineExceededException()), wait, TimeUnit.NANOSECONDS);
                }
            }
            // Last, so that a parent already done finds this context complete when it cancels it.
            Signal up = parent.done();
            if (up != null) fromParent = up.onFire(() -> cancel(parent.err()));
        }

        /** Cancels this context and those derived from it; later calls do nothing. */
        @Mirrors(file = "context/context.go", func = "CancelFunc")
        public void cancel() {
            cancel(new CanceledException());
        }

        private void cancel(IOException why) {
            mu.lock();
            try {
                if (err != null) return;
                err = why;
            } finally {
                mu.unlock();
            }
            done.fire();
            Signal.Registration up = fromParent;
            if (up != null) up.cancel();
            ScheduledFuture<?> t = timer;
            if (t != null) t.cancel(false);
        }

        @Override
        public Signal done() {
            return done;
        }

        @Override
        public IOException err() {
            if (!done.isFired()) return null;
            mu.lock();
            try {
                return err;
            } finally {
                mu.unlock();
            }
        }

        @Override
        public long deadline() {
            return deadline;
        }
    }

    /** The error of a canceled context: Go's {@code context.Canceled}. */
    @Mirrors(file = "context/context.go", func = "Canceled")
    public static final class CanceledException extends IOException {
        public CanceledException() {
            super("context canceled");
        }
    }

    /** The error of a context past its deadline: Go's {@code context.DeadlineExceeded}, a timeout. */
    @Mirrors(file = "context/context.go", func = "DeadlineExceeded")
    public static final class DeadlineExceededException extends SocketTimeoutException {
        public DeadlineExceededException() {
            super("context deadline exceeded");
        }
    }
}
