package nethttp.cookiejar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;
import nethttp.core.Cookie;
import nethttp.core.CookieJar;
import nethttp.url.URL;

/**
 * A {@link CookieJar} in memory, following RFC 6265 as Go's {@code net/http/cookiejar} does
 * when it is given no public suffix list.
 *
 * <ul>
 *   <li><b>Host-only and domain cookies.</b> A cookie without {@code Domain} goes back only to
 *       the host that set it. With {@code Domain=example.com} (a leading dot is ignored) it goes
 *       to {@code example.com} and every name below it, but only a host inside that domain may
 *       set it: {@code a.example.com} may, {@code other.org} may not. An IP address may set a
 *       domain cookie only for itself, which then is host-only.</li>
 *   <li><b>Paths.</b> A cookie without a {@code Path} (or with one not starting with
 *       {@code /}) gets the directory of the URL that set it ({@code /docs} for
 *       {@code /docs/page}). It is sent to that path and the paths below it: {@code /docs}
 *       matches {@code /docs}, {@code /docs/} and {@code /docs/x}, not {@code /docsx}.</li>
 *   <li><b>Expiry.</b> {@code Max-Age} wins over {@code Expires}; {@code Max-Age} of 0 or less,
 *       or an {@code Expires} in the past, deletes the cookie. Without either, the cookie lives
 *       as long as the jar.</li>
 *   <li><b>Secure</b> cookies are sent only over {@code https}; only {@code http} and
 *       {@code https} URLs take or get cookies at all.</li>
 *   <li><b>Order.</b> Longer paths first, then older cookies first.</li>
 * </ul>
 *
 * <p>Differences from Go's jar: no public suffix list (so, as with Go's jar without one,
 * {@code Domain=com} is accepted from {@code example.com}), host names are taken to be ASCII
 * (no punycode conversion), and a cookie's identity is its domain, path and name.
 */
@Mirrors(file = "net/http/cookiejar/jar.go", func = "Jar")
public final class MemoryCookieJar implements CookieJar {
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final Clock clock;
    private final ReentrantLock mu = new ReentrantLock();
    /** Entries by {@code jarKey} (the registrable part of the host), then by {@link Entry#id()}. */
    private final Map<String, Map<String, Entry>> entries = new HashMap<>();
    private long nextSeqNum;

    /** A jar on the system clock. */
    public MemoryCookieJar() {
        this(Clock.systemUTC());
    }

    /** A jar on {@code clock}, for tests of expiry. */
    public MemoryCookieJar(Clock clock) {
        this.clock = clock;
    }

    /** One stored cookie. */
    private record Entry(String name, String value, String domain, String path, boolean secure, boolean hostOnly,
            boolean persistent, Instant expires, Instant creation, long seqNum) {
        String id() {
            return domain + ";" + path + ";" + name;
        }

        @Mirrors(file = "net/http/cookiejar/jar.go", func = "entry.shouldSend")
        boolean shouldSend(boolean https, String host, String requestPath) {
            return domainMatch(host) && pathMatch(requestPath) && (https || !secure);
        }

        @Mirrors(file = "net/http/cookiejar/jar.go", func = "entry.domainMatch")
        boolean domainMatch(String host) {
            return domain.equals(host) || (!hostOnly && hasDotSuffix(host, domain));
        }

        @Mirrors(file = "net/http/cookiejar/jar.go", func = "entry.pathMatch")
        boolean pathMatch(String requestPath) {
            if (requestPath.equals(path)) return true;
            if (!requestPath.startsWith(path)) return false;
            return path.endsWith("/") || requestPath.charAt(path.length()) == '/';
        }
    }

    @Override
    @Mirrors(file = "net/http/cookiejar/jar.go", func = "Jar.Cookies")
    public List<Cookie> cookies(URL u) {
        List<Cookie> out = new ArrayList<>();
        if (!isHttp(u)) return out;
        String host = canonicalHost(u.host);
        if (host == null) return out;
        boolean https = u.scheme.equals("https");
        String path = u.path.isEmpty() ? "/" : u.path;
        Instant now = clock.instant();
        mu.lock();
        try {
            Map<String, Entry> submap = entries.get(jarKey(host));
            if (submap == null) return out;
            List<Entry> selected = new ArrayList<>();
            for (Iterator<Entry> it = submap.values().iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.persistent() && !e.expires().isAfter(now)) {
                    it.remove();
                } else if (e.shouldSend(https, host, path)) {
                    selected.add(e);
                }
            }
            if (submap.isEmpty()) entries.remove(jarKey(host));
            selected.sort(Comparator.comparingInt((Entry e) -> -e.path().length())
                    .thenComparing(Entry::creation)
                    .thenComparingLong(Entry::seqNum));
            for (Entry e : selected) out.add(new Cookie(e.name(), e.value()));
            return out;
        } finally {
            mu.unlock();
        }
    }

    @Override
    @Mirrors(file = "net/http/cookiejar/jar.go", func = "Jar.SetCookies")
    public void setCookies(URL u, List<Cookie> cookies) {
        if (cookies.isEmpty() || !isHttp(u)) return;
        String host = canonicalHost(u.host);
        if (host == null) return;
        String key = jarKey(host);
        String defPath = defaultPath(u.path);
        Instant now = clock.instant();
        mu.lock();
        try {
            Map<String, Entry> submap = entries.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (Cookie c : cookies) store(submap, c, now, defPath, host);
            if (submap.isEmpty()) entries.remove(key);
        } finally {
            mu.unlock();
        }
    }

    /** Adds, replaces or (for an expired cookie) removes the entry for {@code c}. */
    private void store(Map<String, Entry> submap, Cookie c, Instant now, String defPath, String host) {
        String path = c.path.isEmpty() || c.path.charAt(0) != '/' ? defPath : c.path;
        DomainAndType dt = domainAndType(host, c.domain);
        if (dt == null) return; // a domain this host may not set
        Instant expires;
        boolean persistent = true;
        if (c.maxAge < 0) {
            expires = null;
        } else if (c.maxAge > 0) {
            expires = now.plus(Duration.ofSeconds(c.maxAge));
        } else if (c.expires == null) {
            expires = END_OF_TIME;
            persistent = false;
        } else {
            expires = c.expires.isAfter(now) ? c.expires : null;
        }
        String id = dt.domain() + ";" + path + ";" + c.name;
        if (expires == null) {
            submap.remove(id);
            return;
        }
        Entry old = submap.get(id);
        Instant creation = old != null ? old.creation() : now;
        long seq = old != null ? old.seqNum() : nextSeqNum++;
        submap.put(id, new Entry(c.name, c.value, dt.domain(), path, c.secure, dt.hostOnly(), persistent, expires,
                creation, seq));
    }

    private record DomainAndType(String domain, boolean hostOnly) {}

    /** Which domain a cookie from {@code host} applies to, and whether only to that host; null when refused. */
    @Mirrors(file = "net/http/cookiejar/jar.go", func = "Jar.domainAndType")
    private static DomainAndType domainAndType(String host, String domain) {
        if (domain.isEmpty()) return new DomainAndType(host, true);
        if (isIP(host)) return host.equals(domain) ? new DomainAndType(host, true) : null;
        if (domain.charAt(0) == '.') domain = domain.substring(1);
        if (domain.isEmpty() || domain.charAt(0) == '.') return null;
        for (int i = 0; i < domain.length(); i++) {
            if (domain.charAt(i) >= 0x80) return null;
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) return null;
        if (!host.equals(domain) && !hasDotSuffix(host, domain)) return null;
        return new DomainAndType(domain, false);
    }

    /** The host without port and trailing dot, lower case; null when the host:port is malformed. */
    @Mirrors(file = "net/http/cookiejar/jar.go", func = "canonicalHost")
    static String canonicalHost(String host) {
        if (hasPort(host)) {
            int colon = host.lastIndexOf(':');
            String h = host.substring(0, colon);
            if (h.startsWith("[")) {
                if (!h.endsWith("]")) return null;
                h = h.substring(1, h.length() - 1);
            }
            host = h;
        }
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        return host.toLowerCase(Locale.ROOT);
    }

    @Mirrors(file = "net/http/cookiejar/jar.go", func = "hasPort")
    private static boolean hasPort(String host) {
        long colons = host.chars().filter(ch -> ch == ':').count();
        if (colons == 0) return false;
        if (colons == 1) return true;
        return host.startsWith("[") && host.contains("]:");
    }

    /** The bucket a host's cookies live in: its last two labels, or the whole host for an IP or a single label. */
    @Mirrors(file = "net/http/cookiejar/jar.go", func = "jarKey")
    static String jarKey(String host) {
        if (isIP(host)) return host;
        int i = host.lastIndexOf('.');
        if (i <= 0) return host;
        int prevDot = host.lastIndexOf('.', i - 1);
        return host.substring(prevDot + 1);
    }

    /** The directory of a request path: the cookie path used when a cookie names none. */
    @Mirrors(file = "net/http/cookiejar/jar.go", func = "defaultPath")
    static String defaultPath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') return "/";
        int i = path.lastIndexOf('/');
        return i == 0 ? "/" : path.substring(0, i);
    }

    @Mirrors(file = "net/http/cookiejar/jar.go", func = "hasDotSuffix")
    static boolean hasDotSuffix(String s, String suffix) {
        return s.length() > suffix.length() && s.charAt(s.length() - suffix.length() - 1) == '.' && s.endsWith(suffix);
    }

    /** Whether {@code host} is an IPv4 or IPv6 literal (without brackets). */
    @Mirrors(file = "net/http/cookiejar/jar.go", func = "isIP")
    static boolean isIP(String host) {
        if (host.indexOf(':') >= 0) return host.matches("[0-9A-Fa-f:.]+");
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (!p.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    private static boolean isHttp(URL u) {
        return u.scheme.equals("http") || u.scheme.equals("https");
    }
}
