package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nethttp.url.PathClean;
import nethttp.url.URL;
import nethttp.url.URLException;

/**
 * Ready-made replies that handlers and the multiplexer share: a plain-text error, the 404 page,
 * a redirect, and a wrapper that strips a path prefix.
 *
 * <p>Each writes exactly the bytes Go 1.19's helpers of the same name write, so a client cannot
 * tell the two servers apart by these responses.
 */
public final class Replies {
    private Replies() {}

    /**
     * Replies with status {@code code} and the plain-text body {@code message + "\n"}.
     *
     * <p>It sets {@code Content-Type: text/plain; charset=utf-8} and
     * {@code X-Content-Type-Options: nosniff} (so that a browser does not guess HTML from an
     * error text that echoes user input), then calls {@link ResponseWriter#writeHeader} and writes
     * the message as the bytes Go would hold for it ({@link GoStrings#bytes}): text as UTF-8, a
     * message made of a request's bytes as those bytes. Other header fields the handler set
     * before, a {@code Content-Length} for example, are left as they are. The response is not
     * finished: the caller should write nothing more.
     */
    @Mirrors(file = "net/http/server.go", func = "Error")
    public static void error(ResponseWriter w, String message, int code) throws IOException {
        w.header().set("Content-Type", "text/plain; charset=utf-8");
        w.header().set("X-Content-Type-Options", "nosniff");
        w.writeHeader(code);
        w.write(GoStrings.bytes(message + "\n"));
    }

    /** Replies {@code 404} with the body {@code "404 page not found\n"}. */
    @Mirrors(file = "net/http/server.go", func = "NotFound")
    public static void notFound(ResponseWriter w, Request r) throws IOException {
        error(w, "404 page not found", Status.NOT_FOUND);
    }

    /** A handler that answers every request with {@link #notFound}. */
    @Mirrors(file = "net/http/server.go", func = "NotFoundHandler")
    public static Handler notFoundHandler() {
        return Replies::notFound;
    }

    /**
     * Replies with a redirect to {@code url}, which may be relative to the request's path.
     *
     * <p>When {@code url} has neither a scheme nor a host (as Go's {@code url.Parse} reads it),
     * it is made absolute: a path not starting with {@code /} is resolved against the directory
     * of {@code r.url.path}, then the path part (before any {@code ?}) is cleaned of {@code .},
     * {@code ..} and doubled slashes, keeping a trailing slash. An absolute URL is used as given.
     *
     * <p>{@code url} is taken as the bytes Go would hold for it ({@link GoStrings}): text such as
     * {@code "/caf\u00e9"} as its UTF-8, a target built from a request's own bytes as those
     * bytes. The {@code Location} header gets the result with every byte at or above 0x80
     * written as {@code %xx} (lower-case hex, as Go writes it). Unless the handler already put a
     * {@code Content-Type} key in the header (even with no value), a {@code GET} or {@code HEAD}
     * gets {@code Content-Type: text/html; charset=utf-8}, and a {@code GET} also gets a short
     * HTML body with a link, for old clients that do not follow redirects:
     * {@code <a href="/foo">Found</a>.\n\n}.
     *
     * @param code a 3xx status, usually {@link Status#MOVED_PERMANENTLY}, {@link Status#FOUND}
     *     or {@link Status#SEE_OTHER}
     */
    @Mirrors(file = "net/http/server.go", func = "Redirect")
    public static void redirect(ResponseWriter w, Request r, String url, int code) throws IOException {
        redirectBytes(w, r, GoStrings.wireForm(url), code);
    }

    /**
     * {@link #redirect} to a target that is bytes already, one {@code char} per byte, used
     * exactly as given: what {@code ServeMux} sends when it spells a target from the request's
     * own path and query, whatever bytes they hold.
     *
     * @throws IllegalArgumentException when {@code url} has a char above U+00FF
     */
    @Mirrors(file = "net/http/server.go", func = "Redirect")
    public static void redirectBytes(ResponseWriter w, Request r, String url, int code) throws IOException {
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) > 0xFF) throw new IllegalArgumentException("not one byte per char: U+" + Integer.toHexString(url.charAt(i)));
        }
        if (isPathOnlyReference(url)) url = absolutePath(url, r.url.path);

        Header h = w.header();
        boolean hadContentType = h.has("Content-Type");
        h.set("Location", hexEscapeNonASCII(url));
        boolean getOrHead = r.method.equals("GET") || r.method.equals("HEAD");
        if (!hadContentType && getOrHead) h.set("Content-Type", "text/html; charset=utf-8");
        w.writeHeader(code);

        // HEAD must not carry a body, and other methods' clients would not show it.
        if (!hadContentType && r.method.equals("GET")) {
            String body = "<a href=\"" + htmlEscape(url) + "\">" + Status.text(code) + "</a>.\n\n";
            w.write(body.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** A handler that answers every request with {@code redirect(w, r, url, code)}. */
    @Mirrors(file = "net/http/server.go", func = "RedirectHandler")
    public static Handler redirectHandler(String url, int code) {
        return (w, r) -> redirect(w, r, url, code);
    }

    /**
     * Wraps {@code h} so that it sees request paths without {@code prefix}.
     *
     * <p>A request whose {@code url.path} starts with {@code prefix} (and whose
     * {@code url.rawPath}, when set, starts with it too) is passed to {@code h} as a copy with the
     * prefix removed from both; the caller's request is left untouched. Any other request gets
     * {@link #notFound}: an escaped prefix ({@code /foo%2Fbar} for {@code /foo/bar}) does not
     * match. An empty prefix returns {@code h} itself.
     */
    @Mirrors(file = "net/http/server.go", func = "StripPrefix")
    public static Handler stripPrefix(String prefix, Handler h) {
        if (prefix.isEmpty()) return h;
        return (w, r) -> {
            String path = r.url.path, rawPath = r.url.rawPath;
            boolean pathHasPrefix = path.startsWith(prefix);
            boolean rawPathAgrees = rawPath.isEmpty() || rawPath.startsWith(prefix);
            if (pathHasPrefix && rawPathAgrees) {
                Request stripped = withOwnURL(r);
                stripped.url.path = path.substring(prefix.length());
                stripped.url.rawPath = rawPath.isEmpty() ? "" : rawPath.substring(prefix.length());
                h.serveHTTP(w, stripped);
            } else {
                notFound(w, r);
            }
        };
    }

    /**
     * The request as the wrapped handler sees it: its own URL, but otherwise the very fields of
     * the original, as Go copies the struct and not the maps it points to. Sharing the trailer is
     * what lets the handler find trailer values, which the body stores in the original's trailer
     * when it reaches its end; sharing the header lets changes made inside show outside.
     */
    private static Request withOwnURL(Request r) {
        Request c = r.copy();
        c.header = r.header;
        c.trailer = r.trailer;
        c.transferEncoding = r.transferEncoding;
        return c;
    }

    // ---- making a relative redirect absolute ----

    /**
     * Resolves a scheme-less, host-less reference against the request path: relative paths are
     * joined to the request's directory, then the path is cleaned; the query (from the first
     * {@code ?}) is kept untouched, and so is a trailing slash.
     */
    private static String absolutePath(String url, String requestPath) {
        String oldPath = requestPath.isEmpty() ? "/" : requestPath;
        if (url.isEmpty() || url.charAt(0) != '/') {
            url = oldPath.substring(0, oldPath.lastIndexOf('/') + 1) + url;
        }
        String query = "";
        int q = url.indexOf('?');
        if (q >= 0) {
            query = url.substring(q);
            url = url.substring(0, q);
        }
        boolean trailingSlash = url.endsWith("/");
        url = PathClean.clean(url);
        if (trailingSlash && !url.endsWith("/")) url += "/";
        return url + query;
    }

    // ---- deciding whether the target is relative, as url.Parse would ----

    /**
     * Whether Go's {@code url.Parse(url)} succeeds and finds neither a scheme nor a host. Only then
     * does {@link #redirect} resolve the target against the request path; a target that does not
     * parse is sent exactly as given.
     */
    private static boolean isPathOnlyReference(String url) {
        try {
            URL parsed = URL.parse(url);
            return parsed.scheme.isEmpty() && parsed.host.isEmpty();
        } catch (URLException e) {
            return false;
        }
    }

    // ---- escaping the result ----

    /**
     * Writes each byte at or above 0x80 of {@code s} (one {@code char} per byte) as {@code %}
     * and two lower-case hex digits, so the header value is pure ASCII. ASCII is left alone,
     * including {@code %} itself.
     */
    @Mirrors(file = "net/http/http.go", func = "hexEscapeNonASCII")
    static String hexEscapeNonASCII(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            b.append('%').append(Integer.toHexString(c));
        }
        return b == null ? s : b.toString();
    }

    /** Escapes the five characters that are special in HTML text and attribute values. */
    @Mirrors(file = "net/http/server.go", func = "htmlEscape")
    static String htmlEscape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
