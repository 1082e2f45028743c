package nethttp.server;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.concurrent.Signal;
import nethttp.core.Context;
import nethttp.annotations.Mirrors;

/**
 * The context a handler finds in {@code req.context}: it is canceled when the handler returns
 * or when the client hangs up while the handler runs, as the context of Go's server requests.
 *
 * <p><b>Watching starts the watch.</b> Go starts a background read for every request, so that
 * a hang-up can cancel the context. Nobody can tell whether that happened unless they look at
 * the context, and most handlers never do: they answer in microseconds. So here the background
 * read starts the first time someone looks ({@link #done()}, {@link #err()}, {@link #isDone()},
 * or deriving a context from this one). A handler that never looks costs its connection no
 * second thread. Profiling the hello route showed that thread and its hand-off of one byte to
 * be about a quarter of the server's work.
 *
 * <p>A client may have hung up before that first look. Go's watch would have noticed already,
 * so the watch begins with a probe of the socket ({@link ConnReader#startBackgroundRead}): a
 * hang-up that already happened (once the body is read to its end) makes the first look find
 * the context canceled, as in Go. The probe waits up to a millisecond when the socket has
 * nothing to say, the one cost a look has here that it has not in Go.
 */
// tag::request-context[]
@Mirrors(file = "net/http/server.go", func = "conn.readRequest")
final class RequestContext extends Context {
    private final ReentrantLock mu = new ReentrantLock();
    // dropped at the end: an idle connection keeps no request alive
    private Runnable startWatching;
    private Context.Cancelable ctx; // made on the first look
    private boolean ended;

    /**
     * {@code startWatching} starts the background read; it runs at most once, while the
     * handler runs.
     */
    RequestContext(Runnable startWatching) {
        super(Context.background());
        this.startWatching = startWatching;
    }

    private Context.Cancelable watched() {
        mu.lock();
        try {
            if (ctx == null) {
                ctx = Context.withCancel(Context.background());
                if (ended) {
                    ctx.cancel();
                } else {
                    startWatching.run(); // under mu, so that end() cannot slip in between
                }
            }
            return ctx;
        } finally {
            mu.unlock();
        }
    }

    @Override
    public Signal done() {
        return watched().done();
    }

    @Override
    public IOException err() {
        return watched().err();
    }

    /**
     * Cancels the context: the handler returned, or the client hung up. After this,
     * looking at
     * the context starts nothing and finds it done. Go's {@code w.cancelCtx()} and
     * {@code cr.conn.cancelCtx()}.
     */
    void end() {
        Context.Cancelable c;
        mu.lock();
        try {
            ended = true;
            startWatching = null;
            c = ctx;
        } finally {
            mu.unlock();
        }
        if (c != null) c.cancel();
    }
}
// end::request-context[]
