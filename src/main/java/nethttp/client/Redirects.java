package nethttp.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nethttp.annotations.Mirrors;
import nethttp.core.Cookie;
import nethttp.core.CookieJar;
import nethttp.core.Header;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.textproto.CanonicalKey;
import nethttp.textproto.WireString;
import nethttp.transport.Transport;
import nethttp.url.URL;

/** The rules a {@link Client} follows from one hop of a redirect chain to the next. */
final class Redirects {
    private Redirects() {}

    /** What a response asks of the next request: its method, whether to follow at all, whether to resend the body. */
    record Behavior(String method, boolean follow, boolean includeBody) {
        static final Behavior STOP = new Behavior("", false, false);
    }

    /**
     * 301, 302 and 303 are followed with {@code GET} and no body (a {@code HEAD} stays a
     * {@code HEAD}); 307 and 308 keep the method and the body, which must be reopened through
     * the first request's {@link Request#getBody}: without one, a request that had a body gets
     * the redirect response itself. Other codes are not redirects.
     */
    @Mirrors(file = "net/http/client.go", func = "redirectBehavior")
    static Behavior redirectBehavior(String reqMethod, Response resp, Request ireq) {
        return switch (resp.statusCode) {
            case 301, 302, 303 -> {
                boolean keep = reqMethod.equals("GET") || reqMethod.equals("HEAD");
                yield new Behavior(keep ? reqMethod : "GET", true, false);
            }
            case 307, 308 -> {
                boolean cannotResend = ireq.getBody == null && Transport.outgoingLength(ireq) != 0;
                yield new Behavior(reqMethod, !cannotResend, true);
            }
            default -> Behavior.STOP;
        };
    }

    /**
     * The {@code Referer} for a request that follows a redirect from {@code lastReq}: that URL
     * without its user information; none when going from {@code https} to {@code http}.
     */
    @Mirrors(file = "net/http/client.go", func = "refererForURL")
    static String refererForURL(URL lastReq, URL newReq) {
        if (lastReq.scheme.equals("https") && newReq.scheme.equals("http")) return "";
        String referer = lastReq.toString();
        if (lastReq.hasUser) referer = replaceFirst(referer, lastReq.user + "@", "");
        return headerText(referer);
    }

    /**
     * A URL's bytes as header text, which the transport sends as UTF-8: the same bytes when they
     * are UTF-8 (a raw query may hold any); otherwise the bytes that are not ASCII are escaped
     * ({@code %E9}), where Go would send them raw.
     */
    private static String headerText(String wire) {
        String text = WireString.toText(wire);
        if (text != null) return text;
        StringBuilder out = new StringBuilder(wire.length() + 16);
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c < 0x80) out.append(c);
            else out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
        return out.toString();
    }

    /**
     * Whether a header field of the first request goes along to {@code dest}: all do, but
     * credentials ({@code Authorization}, {@code Www-Authenticate}, {@code Cookie},
     * {@code Cookie2}) only to the same host and port or a subdomain of it.
     */
    @Mirrors(file = "net/http/client.go", func = "shouldCopyHeaderOnRedirect")
    static boolean shouldCopyHeaderOnRedirect(String headerKey, URL initial, URL dest) {
        return switch (CanonicalKey.canonicalize(headerKey)) {
            case "Authorization", "Www-Authenticate", "Cookie", "Cookie2" ->
                isDomainOrSubdomain(Transport.canonicalAddr(dest), Transport.canonicalAddr(initial));
            default -> true;
        };
    }

    /** Whether {@code sub} is {@code parent} or ends in {@code "." + parent}. */
    @Mirrors(file = "net/http/client.go", func = "isDomainOrSubdomain")
    static boolean isDomainOrSubdomain(String sub, String parent) {
        if (sub.equals(parent)) return true;
        return sub.endsWith(parent) && sub.length() > parent.length()
                && sub.charAt(sub.length() - parent.length() - 1) == '.';
    }

    /** The URL as text with its password, if any, replaced by {@code ***}. */
    @Mirrors(file = "net/http/client.go", func = "stripPassword")
    static String stripPassword(URL u) {
        if (u.password() == null) return u.toString();
        return replaceFirst(u.toString(), u.user + "@", u.username() + ":***@");
    }

    /** The operation named in a client error: the method with only its first letter capital. */
    @Mirrors(file = "net/http/client.go", func = "urlErrorOp")
    static String urlErrorOp(String method) {
        if (method == null || method.isEmpty()) return "Get";
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c < ' ' || c > '~') return method;
        }
        return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String replaceFirst(String s, String what, String with) {
        int i = s.indexOf(what);
        return i < 0 ? s : s.substring(0, i) + with + s.substring(i + what.length());
    }

    /**
     * Copies the first request's header fields into each next hop, as Go's
     * {@code makeHeadersCopier} does: from the first request's header as it was, with credentials
     * dropped on the way to another host, and, when a jar is in use, with cookies the user set
     * by hand dropped once a redirect response sets a cookie of the same name (the jar has the
     * newer one).
     */
    @Mirrors(file = "net/http/client.go", func = "Client.makeHeadersCopier")
    static final class HeadersCopier {
        private final Header ireqhdr;
        private final Map<String, List<Cookie>> icookies;
        private Request preq;

        HeadersCopier(Request ireq, CookieJar jar) {
            this.ireqhdr = ireq.header == null ? new Header() : ireq.header.copy();
            if (jar != null && ireq.header != null && !ireq.header.get("Cookie").isEmpty()) {
                icookies = new LinkedHashMap<>();
                for (Cookie c : Cookie.readCookies(ireq.header, "")) {
                    icookies.computeIfAbsent(c.name, k -> new ArrayList<>()).add(c);
                }
            } else {
                icookies = null;
            }
            this.preq = ireq;
        }

        /** Fills the header of {@code req}, the hop that follows the redirect {@code resp}. */
        void copyInto(Request req, Response resp) {
            if (icookies != null) forgetOverriddenCookies(resp);
            for (Map.Entry<String, List<String>> field : ireqhdr.asMap().entrySet()) {
                if (shouldCopyHeaderOnRedirect(field.getKey(), preq.url, req.url)) {
                    req.header.setRaw(field.getKey(), field.getValue());
                }
            }
            preq = req;
        }

        private void forgetOverriddenCookies(Response resp) {
            boolean changed = false;
            for (Cookie c : Cookie.readSetCookies(resp.header)) {
                if (icookies.remove(c.name) != null) changed = true;
            }
            if (!changed) return;
            List<String> pairs = new ArrayList<>();
            for (List<Cookie> cs : icookies.values()) {
                for (Cookie c : cs) pairs.add(c.name + "=" + c.value);
            }
            pairs.sort(null); // a stable header whatever the map's order
            ireqhdr.del("Cookie");
            ireqhdr.set("Cookie", String.join("; ", pairs));
        }
    }
}
