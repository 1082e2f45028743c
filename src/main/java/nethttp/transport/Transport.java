package nethttp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import nethttp.annotations.Mirrors;
import nethttp.core.Context;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.core.RoundTripper;
import nethttp.event.EventBus;
import nethttp.getconn.ConnHost;
import nethttp.getconn.ConnTrace;
import nethttp.getconn.ConnectMethodKey;
import nethttp.getconn.ConnsPerHost;
import nethttp.getconn.IdlePool;
import nethttp.getconn.PoolErrors;
import nethttp.httptrace.ClientTrace;
import nethttp.core.StdLog;
import nethttp.textproto.Quote;
import nethttp.transfer.NoBody;
import nethttp.transfer.TransferWriter;
import nethttp.url.URL;
import nethttp.wire.ReadRequest;
import nethttp.wire.RequestWriter;

/**
 * The client's {@link RoundTripper} for HTTP/1.1: it keeps connections open and reuses them,
 * one request at a time per connection.
 *
 * <p>Configure it through its public fields before use, as Go's {@code http.Transport}; a new
 * transport is Go's zero value: no limits, no timeouts. {@link #defaultTransport()} gives one
 * set up as Go's {@code DefaultTransport}.
 *
 * <pre>{@code
 * Transport t = new Transport();
 * t.maxConnsPerHost = 4;
 * t.idleConnTimeout = Duration.ofSeconds(90);
 * Response resp = t.roundTrip(req);
 * try (InputStream body = resp.body) { body.readAllBytes(); }   // reading to the end frees the connection
 * }</pre>
 *
 * <p><b>Connections.</b> A request takes an idle connection to its host when there is one (the
 * most recently used); otherwise it dials, or waits, as {@link #getConnStrategy} says. After a
 * response whose body was read to its end, the connection goes to the oldest request waiting
 * for one, or into the idle pool: at most {@link #maxIdleConnsPerHost} per host (default
 * {@value #DEFAULT_MAX_IDLE_CONNS_PER_HOST}), at most {@link #maxIdleConns} in all (the longest
 * idle is closed first), each for at most {@link #idleConnTimeout}. A body closed before its end
 * closes its connection.
 *
 * <p><b>Requests.</b> A request needs a URL with scheme {@code http} and a host; its header must
 * be valid. Header values are text, sent as their UTF-8 bytes as Go sends its strings (a value
 * read from a connection, one {@code char} per byte, must be decoded first). A request without
 * a body has {@code body} null or {@link NoBody#INSTANCE}. The request's
 * {@link Request#context} cancels it. A request that fails on a reused connection before
 * anything was written (when it has no body, or {@link Request#getBody} can reopen it), or an
 * idempotent one that found the connection closed by the server, is sent again on another
 * connection, as Go does.
 *
 * <p><b>Compression.</b> Unless {@link #disableCompression}, a request that names no
 * {@code Accept-Encoding} (and no {@code Range}, and is not a {@code HEAD}) asks for gzip; a
 * gzipped response is then decompressed as it is read, with {@code Content-Encoding} and
 * {@code Content-Length} removed and {@link Response#uncompressed} set. A caller who asked for
 * gzip itself gets the bytes as sent.
 *
 * <p>Differences from Go: no TLS ({@code https} is refused), no proxies, no HTTP/2, a {@code 101
 * Switching Protocols} response is returned without a writable body, and a connection with bytes
 * left over after a complete response is closed at once rather than pooled (Go notices them a
 * moment later, in which a new request may take the connection and read them as its response).
 */
@Mirrors(file = "net/http/transport.go", func = "Transport")
public final class Transport implements RoundTripper {
    /** Go's {@code DefaultMaxIdleConnsPerHost}. */
    @Mirrors(file = "net/http/transport.go", func = "DefaultMaxIdleConnsPerHost")
    public static final int DEFAULT_MAX_IDLE_CONNS_PER_HOST = 2;

    /**
     * A new transport with the settings of Go's {@code DefaultTransport}, the one a
     * {@link nethttp.client.Client} without a transport of its own uses: at most {@value #DEFAULT_MAX_IDLE_CONNS}
     * idle connections, each closed after {@value #DEFAULT_IDLE_CONN_TIMEOUT_SECONDS} s idle; a
     * request with {@code Expect: 100-continue} waits up to 1 s for the server's go-ahead; dials
     * give up after 30 s and keep connections alive with probes every 30 s. (Go's also reads
     * proxies from the environment and bounds TLS handshakes, which have no counterpart here.)
     */
    @Mirrors(file = "net/http/transport.go", func = "DefaultTransport")
    public static Transport defaultTransport() {
        Transport t = new Transport();
        t.dialer = new Dialer.NetDialer(Duration.ofSeconds(30), Duration.ofSeconds(30));
        t.maxIdleConns = DEFAULT_MAX_IDLE_CONNS;
        t.idleConnTimeout = Duration.ofSeconds(DEFAULT_IDLE_CONN_TIMEOUT_SECONDS);
        t.expectContinueTimeout = Duration.ofSeconds(1);
        return t;
    }

    private static final int DEFAULT_MAX_IDLE_CONNS = 100;
    private static final int DEFAULT_IDLE_CONN_TIMEOUT_SECONDS = 90;

    /** Opens connections. */
    public Dialer dialer = Dialer.TCP;
    /** How a request finds a connection: Go 1.13's queues (default) or Go 1.12's race. */
    public GetConnStrategy getConnStrategy = GetConnStrategy.GO_1_13;
    /** One request per connection: each request says {@code Connection: close}, nothing is pooled. */
    public boolean disableKeepAlives;
    /** Never ask for gzip on the caller's behalf. */
    public boolean disableCompression;
    /** The most idle connections over all hosts; 0 means no limit. */
    public int maxIdleConns;
    /** The most idle connections per host; 0 means {@value #DEFAULT_MAX_IDLE_CONNS_PER_HOST}, negative means none. */
    public int maxIdleConnsPerHost;
    /** The most connections per host, dialing, active and idle together; 0 means no limit. Requests beyond it wait. */
    public int maxConnsPerHost;
    /** How long a connection may stay idle before it is closed; zero means forever. */
    public Duration idleConnTimeout = Duration.ZERO;
    /** How long to wait for a response header once the request is written; zero means forever. */
    public Duration responseHeaderTimeout = Duration.ZERO;
    /**
     * How long a request with {@code Expect: 100-continue} waits for the server's go-ahead
     * before sending its body anyway; zero sends it at once.
     */
    public Duration expectContinueTimeout = Duration.ZERO;
    /** The largest response header accepted, in bytes; 0 means 10 MiB. */
    public long maxResponseHeaderBytes;
    /** Buffer sizes for each connection; 0 means 4 KiB. */
    public int writeBufferSize;
    public int readBufferSize;
    /** Where the transport reports what it cannot return to anyone (Go's log.Printf). */
    public Consumer<String> errorLog = StdLog.STDERR;
    /** Round-trip steps, race outcomes and the life of the read, write and dial threads. */
    public final EventBus events = new EventBus();

    /** The clock for idle times: {@link System#nanoTime()}, replaceable by tests in this package. */
    LongSupplier clock = System::nanoTime;

    /** This transport as the getConn race and the idle pool call back into it. */
    final Host host = new Host();
    final IdlePool<PersistConn> idlePool = new IdlePool<>(host);
    final ConnsPerHost connsPerHost = new ConnsPerHost();

    private final ReentrantLock reqMu = new ReentrantLock();
    private final Map<Request, Consumer<IOException>> reqCanceler = new IdentityHashMap<>();
    private final AtomicLong nextConnId = new AtomicLong();
    private final AtomicLong nextRequestId = new AtomicLong();
    private final AtomicLong dialed = new AtomicLong();

    /**
     * Sends {@code req} and returns the response as soon as its header is read. The caller must
     * close the response's body; reading it to the end first lets the connection be reused.
     *
     * @throws ProtocolException for a request that cannot be sent, with Go's text
     *     ({@code http: nil Request.URL}, {@code unsupported protocol scheme "ftp"},
     *     {@code net/http: invalid method "BAD METHOD"}, {@code http: no Host in request URL},
     *     {@code net/http: invalid header field name "Bad Key"}, ...)
     * @throws Context.CanceledException when the request's context is canceled first
     * @throws Context.DeadlineExceededException when the request's context passes its deadline first
     * @throws ResponseHeaderTimeoutException after {@link #responseHeaderTimeout}
     * @throws IOException when dialing, writing or reading fails
     */
    @Override
    @Mirrors(file = "net/http/transport.go", func = "Transport.roundTrip")
    public Response roundTrip(Request req) throws IOException {
        Context ctx = req.context();
        RequestTrace trace = new RequestTrace(nextRequestId.incrementAndGet(), ClientTrace.contextClientTrace(ctx), events);
        if (req.url == null) throw closeBody(req, new ProtocolException("http: nil Request.URL"));
        if (req.header == null) throw closeBody(req, new ProtocolException("http: nil Request.Header"));
        String scheme = req.url.scheme;
        boolean isHTTP = scheme.equals("http") || scheme.equals("https");
        if (isHTTP) {
            try {
                RequestWriter.validateHeader(req.header);
            } catch (ProtocolException e) {
                throw closeBody(req, e);
            }
        }
        Request origReq = req;
        req = setupRewindBody(req);
        if (!isHTTP) throw closeBody(req, new ProtocolException("unsupported protocol scheme " + Quote.quote(scheme)));
        if (scheme.equals("https")) throw closeBody(req, new ProtocolException("nethttp: https is not supported by this transport"));
        if (req.method != null && !req.method.isEmpty() && !ReadRequest.validMethod(req.method)) {
            throw closeBody(req, new ProtocolException("net/http: invalid method " + Quote.quote(req.method)));
        }
        if (req.url.host.isEmpty()) throw closeBody(req, new ProtocolException("http: no Host in request URL"));
        try {
            req = UserText.encodeHeader(req);
        } catch (ProtocolException e) {
            throw closeBody(req, e);
        }

        // tag::transport-round-trip-loop[]
        while (true) {
            if (ctx.isDone()) throw closeBody(req, ctx.err());
            TransportRequest treq = new TransportRequest(req, trace, origReq);
            ConnectMethodKey key = new ConnectMethodKey(scheme, canonicalAddr(req.url));
            PersistConn pconn;
            try {
                pconn = getConn(treq, key);
            } catch (IOException e) {
                setReqCanceler(origReq, null);
                throw closeBody(req, e);
            }
            Response resp;
            try {
                resp = pconn.roundTrip(treq);
            } catch (IOException err) {
                if (!shouldRetryRequest(pconn, req, err)) throw ConnErrors.unwrap(err);
                req = rewindBody(req);
                continue;
            }
            resp.request = origReq;
            return resp;
        }
        // end::transport-round-trip-loop[]
    }

    private PersistConn getConn(TransportRequest treq, ConnectMethodKey key) throws IOException {
        return getConnStrategy.finder().getConn(host, treq.req.context(), treq.trace, treq.cancelKey, key);
    }

    /**
     * Closes every idle connection now, and those that become idle until the next request wants
     * one. Connections in use are not touched.
     */
    @Mirrors(file = "net/http/transport.go", func = "Transport.CloseIdleConnections")
    public void closeIdleConnections() {
        idlePool.closeIdleConnections();
    }

    /** How many connections sit in the idle pool now. */
    public int idleConnCount() {
        return idlePool.idleCount();
    }

    /** How many dials this transport has started, successful or not. */
    public long dialCount() {
        return dialed.get();
    }

    // ---- connections ------------------------------------------------------------------------------

    /** Opens a connection for {@code key} and starts its loops: Go's {@code dialConn} for plain TCP. */
    @Mirrors(file = "net/http/transport.go", func = "Transport.dialConn")
    PersistConn dialConn(Context ctx, ConnectMethodKey key, long id, RequestTrace trace) throws IOException {
        dialed.incrementAndGet();
        trace.connectStart(id, key.addr());
        Socket s;
        try {
            s = dialer.dial(ctx, "tcp", key.addr());
            if (s == null) throw new IOException("net/http: Transport.Dial hook returned (nil, nil)");
        } catch (IOException e) {
            trace.connectDone(id, key.addr(), e);
            throw e;
        } catch (RuntimeException | Error e) {
            IOException err = PoolErrors.dialFailed(e); // must still reach the waiting request
            trace.connectDone(id, key.addr(), err);
            throw err;
        }
        trace.connectDone(id, key.addr(), null);
        PersistConn pc = new PersistConn(this, key, s, id);
        try {
            pc.start();
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return pc;
    }

    /** Offers {@code pc} for reuse, and closes it when it is not taken. */
    @Mirrors(file = "net/http/transport.go", func = "Transport.putOrCloseIdleConn")
    void putOrCloseIdleConn(PersistConn pc) {
        IOException why = idlePool.tryPutIdleConn(pc);
        if (why != null) pc.close(why);
    }

    /**
     * A dial finished for a request that no longer wants it: the connection goes to the pool
     * or is closed.
     */
    void parkLoser(PersistConn pc, RequestTrace trace) {
        IOException why = idlePool.tryPutIdleConn(pc);
        if (why == null) {
            trace.loserParked(pc);
        } else {
            trace.loserClosed(pc, why);
            pc.close(why);
        }
    }

    boolean removeIdleConn(PersistConn pc) {
        return idlePool.removeIdleConn(pc);
    }

    @Mirrors(file = "net/http/transport.go", func = "Transport.decConnsPerHost")
    void decConnsPerHost(ConnectMethodKey key) {
        connsPerHost.release(key, maxConnsPerHost);
    }

    @Mirrors(file = "net/http/transport.go", func = "Transport.maxIdleConnsPerHost")
    int maxIdleConnsPerHost() {
        return maxIdleConnsPerHost != 0 ? maxIdleConnsPerHost : DEFAULT_MAX_IDLE_CONNS_PER_HOST;
    }

    @Mirrors(file = "net/http/transport.go", func = "Transport.readBufferSize")
    int readBufferSize() {
        return readBufferSize > 0 ? readBufferSize : 4 << 10;
    }

    @Mirrors(file = "net/http/transport.go", func = "Transport.writeBufferSize")
    int writeBufferSize() {
        return writeBufferSize > 0 ? writeBufferSize : 4 << 10;
    }

    long nextConnId() {
        return nextConnId.incrementAndGet();
    }

    void logf(String msg) {
        errorLog.accept(msg);
    }

    // ---- cancellation -------------------------------------------------------------------------------

    /** Records how to cancel {@code key} where it is now (waiting for a connection, on a connection); null forgets it. */
    @Mirrors(file = "net/http/transport.go", func = "Transport.setReqCanceler")
    void setReqCanceler(Request key, Consumer<IOException> fn) {
        reqMu.lock();
        try {
            if (fn != null) reqCanceler.put(key, fn);
            else reqCanceler.remove(key);
        } finally {
            reqMu.unlock();
        }
    }

    /**
     * Replaces the cancel function of {@code key}, but only if it still has one: a missing one
     * means the request was canceled in between. Returns whether it was replaced.
     */
    @Mirrors(file = "net/http/transport.go", func = "Transport.replaceReqCanceler")
    boolean replaceReqCanceler(Request key, Consumer<IOException> fn) {
        reqMu.lock();
        try {
            if (!reqCanceler.containsKey(key)) return false;
            if (fn != null) reqCanceler.put(key, fn);
            else reqCanceler.remove(key);
            return true;
        } finally {
            reqMu.unlock();
        }
    }

    /** Cancels {@code key} with {@code err}, once; returns whether there was something to cancel. */
    @Mirrors(file = "net/http/transport.go", func = "Transport.cancelRequest")
    boolean cancelRequest(Request key, IOException err) {
        reqMu.lock();
        try {
            Consumer<IOException> cancel = reqCanceler.remove(key);
            if (cancel != null) cancel.accept(err);
            return cancel != null;
        } finally {
            reqMu.unlock();
        }
    }

    // ---- retries --------------------------------------------------------------------------------------

    /** Wraps the body so a retry can tell whether it was touched: Go's {@code readTrackingBody}. */
    @Mirrors(file = "net/http/transport.go", func = "readTrackingBody")
    static final class ReadTrackingBody extends InputStream implements TransferWriter.Wrapper {
        final InputStream body;
        volatile boolean didRead;
        volatile boolean didClose;

        ReadTrackingBody(InputStream body) {
            this.body = body;
        }

        @Override
        public InputStream unwrap() {
            return body;
        }

        @Override
        public int read() throws IOException {
            didRead = true;
            return body.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            didRead = true;
            return body.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            didClose = true;
            body.close();
        }
    }

    @Mirrors(file = "net/http/transport.go", func = "setupRewindBody")
    private static Request setupRewindBody(Request req) {
        if (req.body == null || req.body == NoBody.INSTANCE) return req;
        Request copy = req.shallowCopy();
        copy.body = new ReadTrackingBody(req.body);
        return copy;
    }

    /** A body that was read or closed is sent again only when {@link Request#getBody} can reopen it. */
    @Mirrors(file = "net/http/transport.go", func = "rewindBody")
    private static Request rewindBody(Request req) throws IOException {
        if (!(req.body instanceof ReadTrackingBody tb) || (!tb.didRead && !tb.didClose)) return req;
        if (!tb.didClose) closeBody(req, null);
        if (req.getBody == null) throw new IOException("net/http: cannot rewind body after connection loss");
        Request again = req.shallowCopy();
        again.body = new ReadTrackingBody(req.getBody.get());
        return again;
    }


    // tag::should-retry[]
    /** Whether the request can be sent again after {@code err}. */
    @Mirrors(file = "net/http/transport.go", func = "persistConn.shouldRetryRequest")
    static boolean shouldRetryRequest(PersistConn pc, Request req, IOException err) {
        // a fresh connection has no excuse to fail; retrying could loop
        if (!pc.isReused()) return false;
        // Nothing reached the server: safe to send again, if the body can be sent again too.
        if (err instanceof ConnErrors.NothingWrittenException) {
            return outgoingLength(req) == 0 || req.getBody != null;
        }
        if (!isReplayable(req)) return false;
        if (err instanceof ConnErrors.ReadFromServerException) return true;
        return err instanceof ServerClosedIdleException;
    }
    // end::should-retry[]

    @Mirrors(file = "net/http/request.go", func = "Request.outgoingLength")
    public static long outgoingLength(Request req) {
        if (req.body == null || req.body == NoBody.INSTANCE) return 0;
        return req.contentLength != 0 ? req.contentLength : -1;
    }

    @Mirrors(file = "net/http/request.go", func = "Request.isReplayable")
    private static boolean isReplayable(Request req) {
        if (req.body == null || req.body == NoBody.INSTANCE || req.getBody != null) {
            String method = req.method == null || req.method.isEmpty() ? "GET" : req.method;
            return switch (method) {
                case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
                default -> req.header.has("Idempotency-Key") || req.header.has("X-Idempotency-Key");
            };
        }
        return false;
    }

    // ---- small rules ------------------------------------------------------------------------------------


    /** {@code host:port}, with the scheme's port when the URL names none. */
    @Mirrors(file = "net/http/transport.go", func = "canonicalAddr")
    public static String canonicalAddr(URL url) {
        String host = url.hostname();
        String ascii = RequestWriter.idnaASCII(host);
        if (ascii != null) host = ascii;
        String port = url.port();
        if (port.isEmpty()) port = url.scheme.equals("https") ? "443" : "80";
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** Closes the request's body, keeping {@code err} as the error to throw. */
    private static IOException closeBody(Request req, IOException err) {
        if (req.body != null) {
            try {
                req.body.close();
            } catch (IOException e) {
                if (err != null) err.addSuppressed(e);
            }
        }
        return err;
    }

    /**
     * The transport's side of {@link ConnHost}: what the getConn race and the idle pool read and
     * call on the transport, kept off its public surface.
     */
    final class Host implements ConnHost<PersistConn> {
        @Override
        public boolean disableKeepAlives() {
            return disableKeepAlives;
        }

        @Override
        public int maxIdleConnsPerHostSetting() {
            return maxIdleConnsPerHost;
        }

        @Override
        public int maxIdleConnsPerHost() {
            return Transport.this.maxIdleConnsPerHost();
        }

        @Override
        public int maxIdleConns() {
            return maxIdleConns;
        }

        @Override
        public int maxConnsPerHost() {
            return maxConnsPerHost;
        }

        @Override
        public Duration idleConnTimeout() {
            return idleConnTimeout;
        }

        @Override
        public long now() {
            return clock.getAsLong();
        }

        @Override
        public IdlePool<PersistConn> idlePool() {
            return idlePool;
        }

        @Override
        public ConnsPerHost connsPerHost() {
            return connsPerHost;
        }

        @Override
        public EventBus events() {
            return events;
        }

        @Override
        public long nextConnId() {
            return Transport.this.nextConnId();
        }

        // The traces handed to getConn are this transport's own (see Transport#getConn).
        @Override
        public PersistConn dialConn(Context ctx, ConnectMethodKey key, long id, ConnTrace<PersistConn> trace)
                throws IOException {
            return Transport.this.dialConn(ctx, key, id, (RequestTrace) trace);
        }

        @Override
        public void parkLoser(PersistConn pc, ConnTrace<PersistConn> trace) {
            Transport.this.parkLoser(pc, (RequestTrace) trace);
        }

        @Override
        public void putOrCloseIdleConn(PersistConn pc) {
            Transport.this.putOrCloseIdleConn(pc);
        }

        @Override
        public void decConnsPerHost(ConnectMethodKey key) {
            Transport.this.decConnsPerHost(key);
        }

        @Override
        public void setReqCanceler(Request cancelKey, Consumer<IOException> fn) {
            Transport.this.setReqCanceler(cancelKey, fn);
        }

        @Override
        public IOException canceledWhileWaiting(IOException err) {
            return RequestCanceledException.whileWaiting(err);
        }
    }
}
