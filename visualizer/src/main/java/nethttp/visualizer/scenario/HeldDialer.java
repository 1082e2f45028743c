package nethttp.visualizer.scenario;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nethttp.core.Context;
import nethttp.transport.Dialer;
import nethttp.visualizer.model.Lanes;

/**
 * A dialer a scenario steers: when holding, every dial waits until the scenario releases it, so
 * the scenario decides whether a dial or an idle connection comes first. It dials the embedded
 * server on 127.0.0.1 whatever address it is given, with a {@link WireSocket} that records the
 * bytes. A held dial that is never released gives up after a few seconds, so a run cannot hang.
 */
final class HeldDialer implements Dialer {
    private static final long MAX_HOLD_SECONDS = 10;

    private final ScenarioRun run;
    private final String label;
    private final boolean hold;
    private final BlockingQueue<Held> started = new LinkedBlockingQueue<>();

    HeldDialer(ScenarioRun run, String label, boolean hold) {
        this.run = run;
        this.label = label;
        this.hold = hold;
    }

    /** A dial waiting for the scenario's word. */
    static final class Held {
        private final CountDownLatch go = new CountDownLatch(1);

        void release() {
            go.countDown();
        }
    }

    @Override
    public Socket dial(Context ctx, String network, String addr) throws IOException {
        if (hold) {
            Held h = new Held();
            started.add(h);
            try {
                if (!h.go.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS)) throw new IOException("dial held and never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("dial interrupted");
            }
        }
        WireSocket s = WireSocket.client(run::record);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), run.port()), 5000);
        s.setTcpNoDelay(true);
        // Names the port this connection dialed from, which the server's lanes show: the link
        // between the client's lane and the server's.
        long conn = run.dialFor(label, Thread.currentThread().threadId());
        if (conn != 0) {
            run.note(new Lanes.Dialed(label, conn, s.getLocalAddress().getHostAddress() + ":" + s.getLocalPort()).text());
        }
        return s;
    }

    /** The next held dial, once it has started. */
    Held next() throws InterruptedException, TimeoutException {
        Held h = started.poll(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
        if (h == null) throw new TimeoutException("no dial started");
        return h;
    }

    /** Whether a dial started that the scenario has not taken yet. */
    boolean anyStarted() {
        return !started.isEmpty();
    }
}
