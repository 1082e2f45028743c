package nethttp.url;

import nethttp.annotations.Mirrors;

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
    /**
     * The user information before {@code @}, in the encoded form Go writes back
     * ({@code Userinfo.String}): {@code name} or {@code name:password}, each escaped. Empty when
     * absent; see {@link #username()} and {@link #password()} for the decoded parts.
     */
    public String user = "";
    /** Whether {@code user} was present at all ({@code "@host"} has an empty one). */
    public boolean hasUser;
    /** The decoded user name. */
    private String username = "";
    /** The decoded password, or null when none was given (which differs from an empty one). */
    private String password;
    /** {@code host} or {@code host:port}. */
    public String host = "";
    /**
     * Whether a URL with a scheme and an absolute path but no authority ({@code file:/x}) is
     * written back without {@code //}.
     */
    public boolean omitHost;
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
    /** The encoded fragment, only when it differs from the default encoding of {@link #fragment}. */
    public String rawFragment = "";

    public URL() {}

    /** A copy of this URL. */
    public URL copy() {
        URL u = new URL();
        u.scheme = scheme;
        u.opaque = opaque;
        u.user = user;
        u.hasUser = hasUser;
        u.username = username;
        u.password = password;
        u.omitHost = omitHost;
        u.host = host;
        u.path = path;
        u.rawPath = rawPath;
        u.forceQuery = forceQuery;
        u.rawQuery = rawQuery;
        u.fragment = fragment;
        u.rawFragment = rawFragment;
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

    /**
     * Sets the user information from decoded parts, as Go's {@code url.User} and
     * {@code url.UserPassword} do; a null password means none.
     */
    @Mirrors(file = "net/url/url.go", func = "UserPassword")
    public void setUser(String username, String password) {
        this.username = username;
        this.password = password;
        this.hasUser = true;
        String encoded = Escaping.escape(username, Escaping.Mode.USER_PASSWORD);
        if (password != null) encoded += ":" + Escaping.escape(password, Escaping.Mode.USER_PASSWORD);
        this.user = encoded;
    }

    /** The decoded user name; empty when there is no user information. */
    @Mirrors(file = "net/url/url.go", func = "Userinfo.Username")
    public String username() {
        return username;
    }

    /** The decoded password, or null when none was given. */
    @Mirrors(file = "net/url/url.go", func = "Userinfo.Password")
    public String password() {
        return password;
    }

    /** The host without any port, and without the brackets of an IPv6 literal. */
    @Mirrors(file = "net/url/url.go", func = "URL.Hostname")
    public String hostname() {
        String h = host;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && URLParser.validOptionalPort(h.substring(colon))) h = h.substring(0, colon);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h;
    }

    /** The port digits after the host, or empty when there are none. */
    @Mirrors(file = "net/url/url.go", func = "URL.Port")
    public String port() {
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && URLParser.validOptionalPort(host.substring(colon))) return host.substring(colon + 1);
        return "";
    }

    /**
     * Sets {@link #path} from an encoded path, keeping the encoding in {@link #rawPath} only
     * when it is not the default one.
     *
     * @throws URLException for a malformed escape, with Go's bare message
     */
    @Mirrors(file = "net/url/url.go", func = "URL.setPath")
    public void setEncodedPath(String encoded) throws URLException {
        URLParser.setPath(this, encoded);
    }

    /** The fragment in its encoded form: {@link #rawFragment} when valid, else escaped. */
    @Mirrors(file = "net/url/url.go", func = "URL.EscapedFragment")
    public String escapedFragment() {
        return URLParser.escapedFragment(this);
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
