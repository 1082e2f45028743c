package nethttp.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import nethttp.core.Context;
import nethttp.core.Header;
import nethttp.annotations.Mirrors;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.textproto.Quote;
import nethttp.textproto.WireString;
import nethttp.transfer.NoBody;
import nethttp.url.URL;
import nethttp.url.URLException;
import nethttp.wire.ReadRequest;

/**
 * Making client requests, Go's {@code http.NewRequest} and {@code NewRequestWithContext}: the
 * method is checked, the URL parsed, {@code Host} taken from the URL, and the body's length and
 * a way to reopen it ({@link Request#getBody}) filled in when the body is known in full.
 *
 * <p>The URL is text, as Go's strings are UTF-8: {@code http://h/café?q=€} has the path
 * {@code /café}, sent as {@code /caf%C3%A9}, and a query sent as its UTF-8 bytes unescaped, as
 * Go sends it. (The {@link URL} made holds those bytes, one {@code char} each.)
 *
 * <pre>{@code
 * Request req = Requests.newRequest(Context.background(), "POST", "http://127.0.0.1:8080/echo", "hello");
 * req.header.set("Content-Type", "text/plain");
 * Response resp = client.send(req);
 * }</pre>
 *
 * <p>The bodies, as Go's {@code *bytes.Reader}, {@code *strings.Reader} and other readers:
 * <ul>
 *   <li>{@code byte[]} or {@code String} (sent as UTF-8): the length is known and sent as
 *       {@code Content-Length}, and {@link Request#getBody} reopens the body, so a
 *       {@code 307} or {@code 308} redirect can send it again. An empty one becomes
 *       {@link NoBody#INSTANCE}: a request that says it has no body.</li>
 *   <li>an {@code InputStream}: length unknown ({@code contentLength} 0, sent chunked), no
 *       {@code getBody}. Set {@code contentLength} yourself when you know it.</li>
 *   <li>null: no body.</li>
 * </ul>
 */
public final class Requests {
    private Requests() {}

    /** {@link #newRequest(Context, String, String, InputStream)} with the background context and no body. */
    @Mirrors(file = "net/http/request.go", func = "NewRequest")
    public static Request newRequest(String method, String url) throws ProtocolException {
        return newRequest(Context.background(), method, url, (InputStream) null);
    }

    /** A request whose body is {@code body}, known in full. */
    @Mirrors(file = "net/http/request.go", func = "NewRequestWithContext")
    public static Request newRequest(Context ctx, String method, String url, byte[] body) throws ProtocolException {
        Request req = newRequest(ctx, method, url, (InputStream) null);
        if (body == null) return req;
        byte[] snapshot = body.clone();
        req.body = new ByteArrayInputStream(snapshot);
        req.contentLength = snapshot.length;
        req.getBody = () -> new ByteArrayInputStream(snapshot);
        if (snapshot.length == 0) {
            req.body = NoBody.INSTANCE; // Go's sentinel for "explicitly empty"
            req.getBody = () -> NoBody.INSTANCE;
        }
        return req;
    }

    /** A request whose body is {@code body} encoded as UTF-8. */
    @Mirrors(file = "net/http/request.go", func = "NewRequestWithContext")
    public static Request newRequest(Context ctx, String method, String url, String body) throws ProtocolException {
        return newRequest(ctx, method, url, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A request to {@code url} with {@code method} (empty means {@code GET}), the context
     * {@code ctx}, and {@code body} of unknown length (null for none).
     *
     * @throws ProtocolException {@code net/http: invalid method "BAD METHOD"},
     *     {@code net/http: nil Context}, or for a URL that does not parse, Go's {@code parse
     *     "http://[::1": missing ']' in host} (the {@link URLException} is the cause)
     */
    @Mirrors(file = "net/http/request.go", func = "NewRequestWithContext")
    public static Request newRequest(Context ctx, String method, String url, InputStream body) throws ProtocolException {
        if (method == null || method.isEmpty()) method = "GET";
        if (!ReadRequest.validMethod(method)) {
            throw new ProtocolException("net/http: invalid method " + Quote.quote(method));
        }
        if (ctx == null) throw new ProtocolException("net/http: nil Context");
        URL u;
        try {
            u = URL.parse(WireString.fromText(url));
        } catch (CharacterCodingException e) {
            throw new ProtocolException("nethttp: URL is not valid text: half of a surrogate pair");
        } catch (URLException e) {
            String text = WireString.toText(e.getMessage()); // the URL in it is quoted as UTF-8 bytes
            throw new ProtocolException(text != null ? text : e.getMessage(), e);
        }
        u.host = removeEmptyPort(u.host);
        Request req = new Request();
        req.context = ctx;
        req.method = method;
        req.url = u;
        req.header = new Header();
        req.body = body;
        req.host = u.host;
        return req;
    }

    /** {@code host:} becomes {@code host}: an empty port is no port. */
    @Mirrors(file = "net/http/http.go", func = "removeEmptyPort")
    static String removeEmptyPort(String host) {
        boolean hasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
        return hasPort && host.endsWith(":") ? host.substring(0, host.length() - 1) : host;
    }
}
