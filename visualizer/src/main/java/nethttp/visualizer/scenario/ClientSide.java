package nethttp.visualizer.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.event.ClientTraceEvent;
import nethttp.transport.Transport;
import nethttp.url.URL;
import nethttp.url.URLException;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Recording;

/**
 * One client transport of a scenario, under its label, and the requests it makes: each runs on
 * a virtual thread of its own, and the scenario decides when its response body is read, which is
 * when its connection becomes idle again.
 */
final class ClientSide {
    private static final long WAIT_SECONDS = 10;

    final ScenarioRun run;
    final String label;
    final Transport transport;
    final HeldDialer dialer;
    private long requests;

    ClientSide(ScenarioRun run, String label, Transport transport, HeldDialer dialer) {
        this.run = run;
        this.label = label;
        this.transport = transport;
        this.dialer = dialer;
    }

    /** One request in flight: {@code GET /echo?req=NAME}. */
    final class Call {
        final String name;
        final long id;
        private final CompletableFuture<Response> response = new CompletableFuture<>();

        private Call(String name, long id) {
            this.name = name;
            this.id = id;
        }

        /** Waits for the response's head; the body stays unread, so the connection stays taken. */
        Response response() throws IOException, InterruptedException, TimeoutException {
            try {
                return response.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }

        /** Reads the body to its end: the transport takes the connection back for reuse. */
        String finish() throws IOException, InterruptedException, TimeoutException {
            try (InputStream body = response().body) {
                return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }

        /** Waits until this request has reported {@code kind}. */
        void await(ClientTraceEvent.Kind kind) throws InterruptedException, TimeoutException {
            run.awaitCount(h -> is(h, kind, id), 1);
        }
    }

    /**
     * Starts request {@code name} and returns once it has asked the transport for a connection,
     * so that requests started one after the other queue in that order.
     */
    Call start(String name) throws IOException, InterruptedException, TimeoutException {
        Call c = new Call(name, ++requests); // the transport numbers its round trips in the order they start
        Request req = get("/echo?req=" + name);
        Thread.ofVirtual().name(label + "-request-" + name).start(() -> {
            try {
                c.response.complete(transport.roundTrip(req));
            } catch (Throwable e) {
                c.response.completeExceptionally(e);
            }
        });
        c.await(ClientTraceEvent.Kind.GET_CONN);
        return c;
    }

    /** Waits until this transport has reported {@code kind} for request {@code id}. */
    void await(ClientTraceEvent.Kind kind, long id) throws InterruptedException, TimeoutException {
        run.awaitCount(h -> is(h, kind, id), 1);
    }

    private boolean is(Happening h, ClientTraceEvent.Kind kind, long request) {
        return h instanceof LibraryEvent le && le.source().equals(label) && le.event() instanceof ClientTraceEvent e
                && e.kind() == kind && e.request() == request;
    }

    /**
     * The position just after the last transport to report {@code kind} for {@code request} did,
     * or {@code fallback} when none did: where both sides of a lockstep scenario have reached a step.
     */
    static int afterAll(Recording rec, ClientTraceEvent.Kind kind, long request, int fallback) {
        int at = -1;
        for (int i = 0; i < rec.happenings().size(); i++) {
            if (rec.happenings().get(i) instanceof LibraryEvent le && le.event() instanceof ClientTraceEvent e
                    && e.kind() == kind && e.request() == request) at = i + 1;
        }
        return at < 0 ? fallback : at;
    }

    private Request get(String target) throws IOException {
        Request r = new Request();
        r.method = "GET";
        try {
            r.url = URL.parse("http://127.0.0.1:" + run.port() + target);
        } catch (URLException e) {
            throw new IOException(e);
        }
        r.host = r.url.host;
        r.body = null;
        return r;
    }
}
