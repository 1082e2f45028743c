package nethttp.visualizer.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import nethttp.core.Context;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.event.EventBus;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import nethttp.transport.Dialer;
import nethttp.transport.GetConnStrategy;
import nethttp.transport.Transport;
import nethttp.url.URL;
import nethttp.url.URLException;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.Lanes;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Note;

/**
 * The app's own client for a live server: a Transport with one getConn strategy, labelled
 * {@code go1.12} or {@code go1.13}, whose requests show the client's side live beside the
 * server's. The server records the bytes; this client records its transport's events, and the
 * port each connection dials from, which links its lanes to the server's.
 */
public final class LiveClient implements AutoCloseable {
    private final String label;
    private final Transport transport = new Transport();
    private final String server;
    private final Consumer<Happening> live;
    private final EventBus.Subscription subscription;
    /** The connection each dial thread dials for, by thread id. */
    private final Map<Long, Long> dialing = new ConcurrentHashMap<>();

    /**
     * @param server the live server's {@code host:port}; a wildcard host is reached on loopback
     */
    public LiveClient(GetConnStrategy strategy, String server, Consumer<Happening> live) {
        this.label = labelOf(strategy);
        this.server = server.startsWith("0.0.0.0:") ? "127.0.0.1" + server.substring(server.indexOf(':')) : server;
        this.live = live;
        transport.getConnStrategy = strategy;
        transport.errorLog = line -> live.accept(new Note(System.nanoTime(), label + " transport log: " + line));
        subscription = transport.events.subscribe(e -> {
            if (e instanceof ThreadEvent t && t.role() == ThreadRole.DIAL && t.kind() == ThreadEvent.Kind.STARTED) {
                dialing.put(t.thread(), t.conn());
            }
            live.accept(new LibraryEvent(e, label));
        });
        transport.dialer = new Dialer() {
            @Override
            public Socket dial(Context ctx, String network, String addr) throws IOException {
                int colon = addr.lastIndexOf(':');
                Socket s = new Socket();
                s.connect(new InetSocketAddress(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1))), 5000);
                Long conn = dialing.get(Thread.currentThread().threadId());
                if (conn != null) {
                    String from = s.getLocalAddress().getHostAddress() + ":" + s.getLocalPort();
                    live.accept(new Note(System.nanoTime(), new Lanes.Dialed(label, conn, from).text()));
                }
                return s;
            }
        };
    }

    /** {@code go1.13} for Go 1.13's strategy, {@code go1.12} for Go 1.12's. */
    public static String labelOf(GetConnStrategy strategy) {
        return strategy == GetConnStrategy.GO_1_12 ? "go1.12" : "go1.13";
    }

    /**
     * Sends {@code GET target} on a virtual thread of its own and reads the response body to its
     * end, which gives the connection back to the idle pool.
     */
    public void send(String target) {
        Request req = new Request();
        req.method = "GET";
        try {
            req.url = URL.parse("http://" + server + (target.startsWith("/") ? target : "/" + target));
        } catch (URLException e) {
            live.accept(new Note(System.nanoTime(), label + " cannot send " + target + ": " + e.getMessage()));
            return;
        }
        req.host = req.url.host;
        req.body = null;
        Thread.ofVirtual().name(label + "-live-request").start(() -> {
            try {
                Response r = transport.roundTrip(req);
                try (InputStream body = r.body) {
                    body.readAllBytes();
                }
            } catch (Exception e) {
                live.accept(new Note(System.nanoTime(), label + " GET " + target + " failed: " + e.getMessage()));
            }
        });
    }

    /** Closes the idle connections; requests in flight finish on their own. */
    @Override
    public void close() {
        transport.closeIdleConnections();
        subscription.close();
    }
}
