package nethttp.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nethttp.annotations.Mirrors;
import nethttp.core.Context;
import nethttp.core.Cookie;
import nethttp.core.CookieJar;
import nethttp.core.Header;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.core.RoundTripper;
import nethttp.textproto.Quote;
import nethttp.textproto.WireString;
import nethttp.transfer.Discard;
import nethttp.transport.Transport;
import nethttp.url.Escaping;
import nethttp.url.URL;
import nethttp.url.URLException;

/**
 * An HTTP client, Go's {@code http.Client}: what a program uses to fetch URLs. It sends each
 * request through its {@link #transport} and adds the policies around it: following redirects,
 * keeping cookies, and a time limit on the whole exchange.
 *
 * <pre>{@code
 * Client client = new Client();
 * client.timeout = Duration.ofSeconds(10);
 * Response resp = client.get("http://127.0.0.1:8080/");
 * try (InputStream body = resp.body) {
 *     System.out.println(resp.status + ": " + new String(body.readAllBytes(), UTF_8));
 * }
 * }</pre>
 *
 * <p>Configure it through its public fields before use; then it is safe for concurrent use. A
 * client should be reused: its transport keeps connections open for the next request.
 *
 * <p><b>Redirects.</b> A {@code 301}, {@code 302} or {@code 303} response is followed with a
 * {@code GET} (a {@code HEAD} stays a {@code HEAD}) and no body; a {@code 307} or {@code 308}
 * keeps the method and sends the body again, which needs {@link Request#getBody} (set by
 * {@link Requests}); without it, the {@code 307} is returned. The {@code Location} is resolved
 * against the URL it answered. The next request carries the first request's header fields, but
 * credentials ({@code Authorization}, {@code Cookie}, ...) only to the same host or a subdomain,
 * and a {@code Referer} naming the previous URL. After 10 redirects the client gives up with
 * {@code stopped after 10 redirects}, unless {@link #checkRedirect} decides otherwise. A
 * {@code 3xx} without {@code Location} is returned as it is.
 *
 * <p><b>Errors.</b> Every failure of {@link #send} is a {@link ClientException}, whose message
 * names the operation and URL as Go's {@code url.Error} does: {@code Get "http://h/": ...}. A
 * response with any status code is a success.
 *
 * <p>Difference from Go: the time limit works through the request's {@link Context} whatever
 * the {@link RoundTripper}, since every round tripper here takes its cancellation from there
 * (Go also has the older {@code Request.Cancel} channel for foreign ones).
 */
@Mirrors(file = "net/http/client.go", func = "Client")
public final class Client {
    /** The transport used when {@link #transport} is null: Go's {@code DefaultTransport}, shared. */
    private static final class DefaultTransport {
        static final Transport INSTANCE = Transport.defaultTransport();
    }

    /**
     * How requests are sent; null means a transport shared by all such clients, set up as
     * {@link Transport#defaultTransport()}.
     */
    public RoundTripper transport;
    /** The redirect policy; null means {@link CheckRedirect#DEFAULT} (at most 10). */
    public CheckRedirect checkRedirect;
    /** Where cookies are kept between requests; null means no cookies are kept or sent. */
    public CookieJar jar;
    /**
     * The limit on a whole call: connecting, redirects, and reading the response body. Zero
     * means none. When it passes, the call fails with a {@link ClientTimeoutException} cause, or
     * a body read does.
     */
    public Duration timeout = Duration.ZERO;

    /** The transport requests go through. */
    @Mirrors(file = "net/http/client.go", func = "Client.transport")
    RoundTripper transport() {
        return transport != null ? transport : DefaultTransport.INSTANCE;
    }

    /** Fetches {@code url} with {@code GET}, following redirects. */
    @Mirrors(file = "net/http/client.go", func = "Client.Get")
    public Response get(String url) throws IOException {
        return send(Requests.newRequest("GET", url));
    }

    /** Asks for {@code url}'s header with {@code HEAD}, following redirects. */
    @Mirrors(file = "net/http/client.go", func = "Client.Head")
    public Response head(String url) throws IOException {
        return send(Requests.newRequest("HEAD", url));
    }

    /** Sends {@code body} with {@code POST}; its length is known, so a 307 or 308 can resend it. */
    @Mirrors(file = "net/http/client.go", func = "Client.Post")
    public Response post(String url, String contentType, byte[] body) throws IOException {
        return send(withContentType(Requests.newRequest(Context.background(), "POST", url, body), contentType));
    }

    /** {@link #post(String, String, byte[])} with a body sent as UTF-8. */
    @Mirrors(file = "net/http/client.go", func = "Client.Post")
    public Response post(String url, String contentType, String body) throws IOException {
        return send(withContentType(Requests.newRequest(Context.background(), "POST", url, body), contentType));
    }

    /** Sends {@code body}, of unknown length (chunked), with {@code POST}; it is closed afterwards. */
    @Mirrors(file = "net/http/client.go", func = "Client.Post")
    public Response post(String url, String contentType, InputStream body) throws IOException {
        return send(withContentType(Requests.newRequest(Context.background(), "POST", url, body), contentType));
    }

    /**
     * Sends {@code data} as a form ({@code application/x-www-form-urlencoded}) with {@code POST}:
     * keys sorted, keys and values escaped as in a query ({@code a=1&b=x+y}).
     */
    @Mirrors(file = "net/http/client.go", func = "Client.PostForm")
    public Response postForm(String url, Map<String, List<String>> data) throws IOException {
        return post(url, "application/x-www-form-urlencoded", encodeForm(data));
    }

    /** Closes the idle connections of the transport, when it is a {@link Transport}. */
    @Mirrors(file = "net/http/client.go", func = "Client.CloseIdleConnections")
    public void closeIdleConnections() {
        if (transport() instanceof Transport t) t.closeIdleConnections();
    }

    private static Request withContentType(Request req, String contentType) {
        req.header.set("Content-Type", contentType);
        return req;
    }

    @Mirrors(file = "net/url/url.go", func = "Values.Encode")
    static String encodeForm(Map<String, List<String>> data) {
        StringBuilder buf = new StringBuilder();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(data).entrySet()) {
            String key = Escaping.queryEscape(utf8Bytes(e.getKey()));
            for (String v : e.getValue()) {
                if (buf.length() > 0) buf.append('&');
                buf.append(key).append('=').append(Escaping.queryEscape(utf8Bytes(v)));
            }
        }
        return buf.toString();
    }

    /** The UTF-8 bytes of {@code s}, one char per byte, the form in which escaping sees wire text. */
    private static String utf8Bytes(String s) {
        return WireString.fromTextReplacing(s);
    }

    /**
     * Sends {@code req} and returns the final response, after any redirects: Go's
     * {@code Client.Do}. The caller must close the response's body; reading it to the end first
     * lets the connection be reused. The request's body is closed, even on failure.
     *
     * @throws ClientException for every failure, with Go's text and the URL concerned
     */
    @Mirrors(file = "net/http/client.go", func = "Client.Do")
    public Response send(Request req) throws ClientException {
        if (req.url == null) {
            closeBody(req);
            throw new ClientException(Redirects.urlErrorOp(req.method), "", new ProtocolException("http: nil Request.URL"), null);
        }
        return new Exchange(req).run();
    }

    /** One call of {@link #send}: the chain of requests and the response last received. */
    @Mirrors(file = "net/http/client.go", func = "Client.do")
    private final class Exchange {
        private final long deadline = timeout.isZero() || timeout.isNegative() ? 0 : System.nanoTime() + timeout.toNanos();
        private final List<Request> reqs = new ArrayList<>();
        private final Redirects.HeadersCopier copyHeaders;
        private Request req;
        private Response resp;
        private boolean reqBodyClosed;

        Exchange(Request req) {
            this.req = req;
            this.copyHeaders = new Redirects.HeadersCopier(req, jar);
        }

        Response run() throws ClientException {
            Redirects.Behavior behavior = null;
            while (true) {
                if (!reqs.isEmpty()) {
                    String loc = resp.header.get("Location");
                    if (loc.isEmpty()) return resp; // a 3xx without a Location is an answer like any other
                    if (!advance(loc, behavior)) return resp; // the redirect hook chose this response
                }
                reqs.add(req);
                try {
                    resp = sendWithJar(req);
                } catch (IOException e) {
                    reqBodyClosed = true; // the round tripper closes it, whatever happens
                    resp = null;
                    throw uerr(e);
                }
                behavior = Redirects.redirectBehavior(req.method, resp, reqs.get(0));
                if (!behavior.follow()) return resp;
                closeBody(req);
            }
        }

        /**
         * Makes {@link #req} the request that follows the redirect {@link #resp} to {@code loc},
         * and asks the redirect hook; false when the hook wants {@code resp} returned as it is.
         */
        private boolean advance(String loc, Redirects.Behavior behavior) throws ClientException {
            URL u;
            try {
                u = References.parse(req.url, loc);
            } catch (URLException e) {
                closeQuietly(resp.body);
                throw uerr(new IOException("failed to parse Location header " + Quote.quote(loc) + ": " + e.getMessage(), e));
            }
            Request ireq = reqs.get(0);
            Request next = new Request();
            next.method = behavior.method();
            next.url = u;
            next.header = new Header();
            next.host = keptHost(loc);
            next.context = ireq.context;
            next.body = null;
            if (behavior.includeBody() && ireq.getBody != null) {
                try {
                    next.body = ireq.getBody.get();
                } catch (IOException e) {
                    closeQuietly(resp.body);
                    throw uerr(e);
                }
                next.contentLength = ireq.contentLength;
            }
            copyHeaders.copyInto(next, resp);
            String ref = Redirects.refererForURL(reqs.get(reqs.size() - 1).url, next.url);
            if (!ref.isEmpty()) next.header.set("Referer", ref);
            req = next;

            IOException refused = null;
            try {
                (checkRedirect != null ? checkRedirect : CheckRedirect.DEFAULT).check(next, List.copyOf(reqs));
            } catch (UseLastResponseException e) {
                return false;
            } catch (IOException e) {
                refused = e;
            }
            drainAndClose(resp);
            if (refused != null) {
                ClientException ue = uerr(refused);
                throw new ClientException(ue.op(), loc, refused, resp);
            }
            return true;
        }

        /** A custom {@code Host} survives a redirect to a relative location, and only then. */
        private String keptHost(String loc) {
            if (req.host == null || req.host.isEmpty() || req.host.equals(req.url.host)) return "";
            try {
                URL parsed = URL.parse(loc);
                return parsed.scheme.isEmpty() ? req.host : "";
            } catch (URLException e) {
                return "";
            }
        }

        /** Wraps {@code err} as Go's {@code url.Error}, closing the request's body if nobody has. */
        private ClientException uerr(IOException err) {
            if (!reqBodyClosed) closeBody(req);
            URL u = resp != null && resp.request != null ? resp.request.url : req.url;
            return new ClientException(Redirects.urlErrorOp(reqs.get(0).method), Redirects.stripPassword(u), err, null);
        }

        /** Go's {@code Client.send}: cookies from the jar go out, cookies from the response go in. */
        @Mirrors(file = "net/http/client.go", func = "Client.send")
        private Response sendWithJar(Request r) throws IOException {
            if (jar != null) {
                if (r.header == null) r.header = new Header();
                for (Cookie c : jar.cookies(r.url)) Cookie.addCookie(r, c);
            }
            Response got = sendOne(r, transport(), deadline);
            if (jar != null) {
                List<Cookie> set = Cookie.readSetCookies(got.header);
                if (!set.isEmpty()) jar.setCookies(r.url, set);
            }
            return got;
        }
    }

    /**
     * Sends one request through {@code rt}, without redirects: Go's {@code send}. It fills in
     * what a transport expects (a header, basic authentication from the URL's user information)
     * on a copy, so the caller's request is left as it was, and puts the deadline, if any, on
     * the copy's context.
     */
    @Mirrors(file = "net/http/client.go", func = "send")
    static Response sendOne(Request ireq, RoundTripper rt, long deadline) throws IOException {
        Request req = ireq;
        if (req.url == null) {
            closeBody(req);
            throw new ProtocolException("http: nil Request.URL");
        }
        if (req.requestURI != null && !req.requestURI.isEmpty()) {
            closeBody(req);
            throw new ProtocolException("http: Request.RequestURI can't be set in client requests");
        }
        if (req.header == null || (req.url.hasUser && req.header.get("Authorization").isEmpty()) || deadline != 0) {
            req = ireq.shallowCopy();
            if (req.header == null) req.header = new Header();
        }
        if (req.url.hasUser && req.header.get("Authorization").isEmpty()) {
            req.header = req.header.copy();
            String password = req.url.password() == null ? "" : req.url.password();
            req.header.set("Authorization", "Basic " + basicAuth(req.url.username(), password));
        }
        RequestTimer timer = RequestTimer.start(req, deadline);
        Response resp;
        try {
            resp = rt.roundTrip(req);
        } catch (IOException e) {
            timer.stop();
            if (timer.didTimeout()) throw new ClientTimeoutException(e, "Client.Timeout exceeded while awaiting headers");
            throw e;
        }
        if (resp == null) {
            timer.stop();
            throw new IOException("http: RoundTripper implementation (" + rt.getClass().getName()
                    + ") returned a nil *Response with a nil error");
        }
        if (resp.body == null) {
            if (resp.contentLength > 0 && !"HEAD".equals(req.method)) {
                timer.stop();
                throw new IOException("http: RoundTripper implementation (" + rt.getClass().getName()
                        + ") returned a *Response with content length " + resp.contentLength + " but a nil Body");
            }
            resp.body = InputStream.nullInputStream();
        }
        if (deadline != 0) resp.body = new CancelTimerBody(timer::stop, resp.body, timer::didTimeout);
        return resp;
    }

    /** {@code user:password} in Base64, the credentials of HTTP basic authentication. */
    @Mirrors(file = "net/http/client.go", func = "basicAuth")
    static String basicAuth(String username, String password) {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads what is left of a small redirect body (so its connection can be reused), then closes it. */
    private static void drainAndClose(Response resp) {
        final int maxBodySlurpSize = 2 << 10;
        try {
            if (resp.contentLength == -1 || resp.contentLength <= maxBodySlurpSize) {
                Discard.upTo(resp.body, maxBodySlurpSize);
            }
        } catch (IOException e) {
            // The transport will not reuse a connection whose body failed; nothing else to do.
        }
        closeQuietly(resp.body);
    }

    private static void closeBody(Request req) {
        closeQuietly(req.body);
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException e) {
            // Closing is best effort here: the failure being reported matters more.
        }
    }
}
