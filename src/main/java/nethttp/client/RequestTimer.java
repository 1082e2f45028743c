package nethttp.client;

import nethttp.annotations.Mirrors;
import nethttp.core.Context;
import nethttp.core.Request;

/**
 * A {@link Client#timeout} on one request: the request's context gets the client's deadline
 * (unless its own comes first), so the transport stops wherever it is when the time is up; and
 * afterwards the client can tell whether its deadline was the reason.
 */
@Mirrors(file = "net/http/client.go", func = "setRequestCancel")
final class RequestTimer {
    private static final RequestTimer NONE = new RequestTimer(null, 0);

    private final Context.Cancelable ctx;
    private final long deadline;

    private RequestTimer(Context.Cancelable ctx, long deadline) {
        this.ctx = ctx;
        this.deadline = deadline;
    }

    /**
     * Puts {@code deadline} ({@link System#nanoTime()} scale, 0 for none) on {@code req}'s
     * context, which must be the client's own copy of the request.
     */
    static RequestTimer start(Request req, long deadline) {
        if (deadline == 0) return NONE;
        Context old = req.context();
        if (!timeBeforeContextDeadline(deadline, old)) return NONE;
        Context.Cancelable ctx = Context.withDeadline(old, deadline);
        req.context = ctx;
        return new RequestTimer(ctx, deadline);
    }

    @Mirrors(file = "net/http/client.go", func = "timeBeforeContextDeadline")
    private static boolean timeBeforeContextDeadline(long deadline, Context ctx) {
        long d = ctx.deadline();
        return d == 0 || deadline - d < 0;
    }

    /** Releases the timer: the exchange is over (the body was closed, or it failed). */
    void stop() {
        if (ctx != null) ctx.cancel();
    }

    /** Whether the client's deadline has passed. */
    boolean didTimeout() {
        return ctx != null && System.nanoTime() - deadline >= 0;
    }
}
