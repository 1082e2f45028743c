package nethttp.url;

import java.util.Locale;
import nethttp.annotations.Mirrors;
import nethttp.textproto.Quote;
import nethttp.url.Escaping.Mode;

/**
 * Parsing and formatting behind {@link URL}: Go's {@code net/url} {@code parse}, its helpers for
 * the authority and host, and {@code URL.String}.
 *
 * <p>Errors are thrown bare here ({@code missing protocol scheme}); the public entry points wrap
 * them into Go's {@code parse "<url>": <reason>} shape.
 */
final class URLParser {
    private URLParser() {}

    /** Go's {@code url.ParseRequestURI}: {@code parse(raw, true)} with the error wrapped. */
    static URL parse(String raw, boolean viaRequest) throws URLException {
        try {
            return parseBare(raw, viaRequest);
        } catch (URLException e) {
            throw URLException.wrap("parse", raw, e);
        }
    }

    /** Go's {@code url.Parse}: everything before {@code #} is a URL, the rest a fragment. */
    @Mirrors(file = "net/url/url.go", func = "Parse")
    static URL parseWithFragment(String raw) throws URLException {
        int hash = raw.indexOf('#');
        String beforeHash = hash < 0 ? raw : raw.substring(0, hash);
        String fragment = hash < 0 ? "" : raw.substring(hash + 1);
        URL url = parse(beforeHash, false);
        if (fragment.isEmpty()) return url;
        try {
            setFragment(url, fragment);
        } catch (URLException e) {
            throw URLException.wrap("parse", raw, e);
        }
        return url;
    }

    /**
     * Go's {@code parse}. With {@code viaRequest} the text is a request target: it must be
     * {@code *}, an absolute path, or an absolute URL, and {@code //x} is a path, not a host.
     */
    @Mirrors(file = "net/url/url.go", func = "parse")
    private static URL parseBare(String raw, boolean viaRequest) throws URLException {
        if (containsControlByte(raw)) throw new URLException("net/url: invalid control character in URL");
        if (raw.isEmpty() && viaRequest) throw new URLException("empty url");
        URL url = new URL();
        if (raw.equals("*")) {
            url.path = "*";
            return url;
        }

        String rest = splitScheme(raw, url);
        rest = splitQuery(rest, url);

        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest; // mailto:someone, or scheme:relative
                return url;
            }
            if (viaRequest) throw new URLException("invalid URI for request");
            // "a:b/c" would read back as scheme "a": refuse to make such a relative path.
            if (firstSegment(rest).contains(":")) {
                throw new URLException("first path segment in URL cannot contain colon");
            }
        }

        boolean hasAuthority = (!url.scheme.isEmpty() || !viaRequest && !rest.startsWith("///"))
                && rest.startsWith("//");
        if (hasAuthority) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            parseAuthority(authority, url);
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true; // "file:/x" stays without "//" when written back
        }
        setPath(url, rest);
        return url;
    }

    /** Sets the lower-cased scheme, if any, and returns what follows its colon. */
    @Mirrors(file = "net/url/url.go", func = "getScheme")
    private static String splitScheme(String raw, URL url) throws URLException {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') continue;
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) return raw;
                continue;
            }
            if (c == ':') {
                if (i == 0) throw new URLException("missing protocol scheme");
                url.scheme = raw.substring(0, i).toLowerCase(Locale.ROOT);
                return raw.substring(i + 1);
            }
            return raw;
        }
        return raw;
    }

    /** Sets the raw query (or {@code forceQuery} for a lone trailing {@code ?}); returns the rest. */
    private static String splitQuery(String rest, URL url) {
        int q = rest.indexOf('?');
        if (q < 0) return rest;
        if (q == rest.length() - 1) {
            url.forceQuery = true;
            return rest.substring(0, q);
        }
        url.rawQuery = rest.substring(q + 1);
        return rest.substring(0, q);
    }

    private static String firstSegment(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** Splits {@code [userinfo@]host[:port]}; the last {@code @} ends the user information. */
    @Mirrors(file = "net/url/url.go", func = "parseAuthority")
    private static void parseAuthority(String authority, URL url) throws URLException {
        int at = authority.lastIndexOf('@');
        url.host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) return;
        String userinfo = authority.substring(0, at);
        if (!validUserinfo(userinfo)) throw new URLException("net/url: invalid userinfo");
        int colon = userinfo.indexOf(':');
        String username = Escaping.unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), Mode.USER_PASSWORD);
        if (colon < 0) {
            url.setUser(username, null);
        } else {
            url.setUser(username, Escaping.unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD));
        }
    }

    /**
     * Checks and decodes a host: an IPv6 literal in brackets may carry a zone ({@code %25eth0}),
     * whatever follows the host must be an all-digit port, and escapes are allowed only where RFC
     * 6874 and IDNA need them.
     */
    @Mirrors(file = "net/url/url.go", func = "parseHost")
    private static String parseHost(String host) throws URLException {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) throw new URLException("missing ']' in host");
            checkPort(host.substring(close + 1));
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return Escaping.unescape(host.substring(0, zone), Mode.HOST)
                        + Escaping.unescape(host.substring(zone, close), Mode.ZONE)
                        + Escaping.unescape(host.substring(close), Mode.HOST);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) checkPort(host.substring(colon));
        }
        return Escaping.unescape(host, Mode.HOST);
    }

    private static void checkPort(String colonPort) throws URLException {
        if (!validOptionalPort(colonPort)) {
            throw new URLException("invalid port " + Quote.quote(colonPort) + " after host");
        }
    }

    /** Whether {@code port} is empty or a colon followed by digits only (maybe none). */
    @Mirrors(file = "net/url/url.go", func = "validOptionalPort")
    static boolean validOptionalPort(String port) {
        if (port.isEmpty()) return true;
        if (port.charAt(0) != ':') return false;
        for (int i = 1; i < port.length(); i++) {
            char b = port.charAt(i);
            if (b < '0' || b > '9') return false;
        }
        return true;
    }

    /** RFC 3986's userinfo alphabet: unreserved, sub-delimiters, {@code :}, {@code %} (and {@code @}). */
    @Mirrors(file = "net/url/url.go", func = "validUserinfo")
    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') continue;
            if ("-._:~!$&'()*+,;=%@".indexOf(c) < 0) return false;
        }
        return true;
    }

    private static boolean containsControlByte(String s) {
        for (int i = 0; i < s.length(); i++) {
            char b = s.charAt(i);
            if (b < ' ' || b == 0x7f) return true;
        }
        return false;
    }

    /**
     * Sets the decoded path, and keeps the encoded form in {@code rawPath} only when the default
     * encoding of the decoded path would not give it back ({@code /a%2Fb} is such a path).
     */
    @Mirrors(file = "net/url/url.go", func = "URL.setPath")
    static void setPath(URL u, String encoded) throws URLException {
        String path = Escaping.unescape(encoded, Mode.PATH);
        u.path = path;
        u.rawPath = Escaping.escape(path, Mode.PATH).equals(encoded) ? "" : encoded;
    }

    @Mirrors(file = "net/url/url.go", func = "URL.setFragment")
    private static void setFragment(URL u, String encoded) throws URLException {
        String fragment = Escaping.unescape(encoded, Mode.FRAGMENT);
        u.fragment = fragment;
        u.rawFragment = Escaping.escape(fragment, Mode.FRAGMENT).equals(encoded) ? "" : encoded;
    }

    @Mirrors(file = "net/url/url.go", func = "URL.EscapedPath")
    static String escapedPath(URL u) {
        String hint = encodedFormIfFaithful(u.rawPath, u.path, Mode.PATH);
        if (hint != null) return hint;
        if (u.path.equals("*")) return "*"; // the OPTIONS target is not a path to escape
        return Escaping.escape(u.path, Mode.PATH);
    }

    @Mirrors(file = "net/url/url.go", func = "URL.EscapedFragment")
    static String escapedFragment(URL u) {
        String hint = encodedFormIfFaithful(u.rawFragment, u.fragment, Mode.FRAGMENT);
        return hint != null ? hint : Escaping.escape(u.fragment, Mode.FRAGMENT);
    }

    /** The raw form when it is a valid encoding that decodes to {@code decoded}; else null. */
    private static String encodedFormIfFaithful(String raw, String decoded, Mode mode) {
        if (raw.isEmpty() || !Escaping.validEncoded(raw, mode)) return null;
        try {
            return Escaping.unescape(raw, mode).equals(decoded) ? raw : null;
        } catch (URLException e) {
            return null;
        }
    }

    @Mirrors(file = "net/url/url.go", func = "URL.String")
    static String format(URL u) {
        StringBuilder buf = new StringBuilder();
        if (!u.scheme.isEmpty()) buf.append(u.scheme).append(':');
        if (!u.opaque.isEmpty()) {
            buf.append(u.opaque);
        } else {
            boolean anyAuthority = !u.scheme.isEmpty() || !u.host.isEmpty() || u.hasUser;
            boolean keepOmitted = u.omitHost && u.host.isEmpty() && !u.hasUser;
            if (anyAuthority && !keepOmitted) {
                if (!u.host.isEmpty() || !u.path.isEmpty() || u.hasUser) buf.append("//");
                if (u.hasUser) buf.append(u.user).append('@');
                if (!u.host.isEmpty()) buf.append(Escaping.escape(u.host, Mode.HOST));
            }
            String path = escapedPath(u);
            if (!path.isEmpty() && path.charAt(0) != '/' && !u.host.isEmpty()) buf.append('/');
            if (buf.length() == 0 && firstSegment(path).contains(":")) {
                buf.append("./"); // so "a:b" is not read back as a scheme
            }
            buf.append(path);
        }
        if (u.forceQuery || !u.rawQuery.isEmpty()) buf.append('?').append(u.rawQuery);
        if (!u.fragment.isEmpty()) buf.append('#').append(escapedFragment(u));
        return buf.toString();
    }
}
