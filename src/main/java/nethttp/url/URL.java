package nethttp.url;

import nethttp.core.Mirrors;

/**
 * A parsed URL, in the shape of Go's {@code net/url.URL}: {@code
 * scheme://[userinfo@]host/path[?query][#fragment]}, or {@code scheme:opaque[?query][#fragment]}.
 *
 * <p>The fields are public and mutable, as Go's are: a server fills them in while it reads a
 * request line, and a handler reads them. {@link #path} holds the decoded path; {@link #rawPath}
 * holds the original encoding only when decoding lost information (an escaped slash, say).
 */
@Mirrors(file = "net/url/url.go", func = "URL")
public final class URL {
    /** {@code "http"}, {@code "https"}, or empty for a path-only request target. */
    public String scheme = "";
    /** Everything after {@code scheme:} when it does not start with a slash. */
    public String opaque = "";
    /** The user information before {@code @}, still encoded; empty when absent. */
    public String user = "";
    /** Whether {@code user} was present at all ({@code "@host"} has an empty one). */
    public boolean hasUser;
    /** {@code host} or {@code host:port}. */
    public String host = "";
    /** The decoded path. */
    public String path = "";
    /** The encoded path, only when it differs from the default encoding of {@link #path}. */
    public String rawPath = "";
    /** Whether a {@code ?} was present with nothing after it. */
    public boolean forceQuery;
    /** The query, without {@code ?}, still encoded. */
    public String rawQuery = "";
    /** The fragment after {@code #}, decoded. */
    public String fragment = "";

    public URL() {}

    /** A copy of this URL. */
    public URL copy() {
        URL u = new URL();
        u.scheme = scheme;
        u.opaque = opaque;
        u.user = user;
        u.hasUser = hasUser;
        u.host = host;
        u.path = path;
        u.rawPath = rawPath;
        u.forceQuery = forceQuery;
        u.rawQuery = rawQuery;
        u.fragment = fragment;
        return u;
    }

    /**
     * Parses a URL as found in an HTTP request line: absolute ({@code http://h/p}) or an absolute
     * path ({@code /p?q}); there is no fragment in a request target.
     *
     * @throws URLException when the text is not a valid request URI
     */
    @Mirrors(file = "net/url/url.go", func = "ParseRequestURI")
    public static URL parseRequestURI(String rawURL) throws URLException {
        return URLParser.parse(rawURL, true);
    }

    /**
     * Parses a URL reference: absolute or relative, with an optional fragment.
     *
     * @throws URLException when the text is not a valid URL
     */
    @Mirrors(file = "net/url/url.go", func = "Parse")
    public static URL parse(String rawURL) throws URLException {
        return URLParser.parseWithFragment(rawURL);
    }

    /** The path in its encoded form: {@link #rawPath} when valid, else {@link #path} escaped. */
    @Mirrors(file = "net/url/url.go", func = "URL.EscapedPath")
    public String escapedPath() {
        return URLParser.escapedPath(this);
    }

    /** The encoded {@code path?query} or {@code opaque?query} as used in a request line. */
    @Mirrors(file = "net/url/url.go", func = "URL.RequestURI")
    public String requestURI() {
        String result = opaque;
        if (result.isEmpty()) {
            result = escapedPath();
            if (result.isEmpty()) result = "/";
        } else if (result.startsWith("//")) {
            result = scheme + ":" + result;
        }
        if (forceQuery || !rawQuery.isEmpty()) result += "?" + rawQuery;
        return result;
    }

    /** The URL reassembled in its encoded form. */
    @Mirrors(file = "net/url/url.go", func = "URL.String")
    @Override
    public String toString() {
        return URLParser.format(this);
    }
}
