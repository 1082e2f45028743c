package nethttp.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nethttp.core.Context;

/**
 * A dialer the test drives: every dial waits until the test releases it (then it connects to the
 * real target) or fails it. The test sees each dial start, with the context of the request that
 * started it.
 */
final class LatchDialer implements Dialer {
    /** The name a test gives a request, through its context. */
    static final Object NAME = new Object();

    final InetSocketAddress target;
    private final BlockingQueue<Pending> started = new LinkedBlockingQueue<>();
    final AtomicInteger dials = new AtomicInteger();

    LatchDialer(InetSocketAddress target) {
        this.target = target;
    }

    /** One dial in progress. */
    static final class Pending {
        final Context ctx;
        private final CompletableFuture<IOException> outcome = new CompletableFuture<>();

        Pending(Context ctx) {
            this.ctx = ctx;
        }

        /** The name of the request that started this dial. */
        String name() {
            return (String) ctx.value(NAME);
        }

        void release() {
            outcome.complete(null);
        }

        void fail(IOException e) {
            outcome.complete(e);
        }
    }

    @Override
    public Socket dial(Context ctx, String network, String addr) throws IOException {
        dials.incrementAndGet();
        Pending p = new Pending(ctx);
        started.add(p);
        IOException failure;
        try {
            failure = p.outcome.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IOException(e);
        }
        if (failure != null) throw failure;
        Socket s = new Socket();
        s.connect(target, 5000);
        s.setTcpNoDelay(true);
        return s;
    }

    /** The next dial to start, waiting for it (a test that waits in vain fails). */
    Pending next() throws InterruptedException {
        Pending p = started.poll(10, TimeUnit.SECONDS);
        if (p == null) throw new AssertionError("no dial started");
        return p;
    }

    /** Whether a dial started that the test has not taken yet. */
    boolean anyStarted() {
        return !started.isEmpty();
    }

    static Context named(String name) {
        return Context.withValue(Context.background(), NAME, name);
    }
}
