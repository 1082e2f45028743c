package nethttp.mux;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import nethttp.core.Handler;
import nethttp.core.HandlerFunc;
import nethttp.annotations.Mirrors;
import nethttp.core.Replies;
import nethttp.core.Request;
import nethttp.core.ResponseWriter;
import nethttp.core.Status;
import nethttp.url.PathClean;

/**
 * A request multiplexer: a {@link Handler} that passes each request on to the handler whose
 * pattern matches the request's path best. This is Go's classic {@code ServeMux} (the one before
 * Go 1.22 added methods and wildcards to patterns).
 *
 * <p>A pattern is a path, optionally preceded by a host name:
 *
 * <ul>
 *   <li>{@code /favicon.ico} matches that path only;
 *   <li>{@code /images/}, ending in a slash, names a subtree and matches every path that starts
 *       with it. So {@code /} matches every path that no other pattern claims;
 *   <li>when several patterns match, the longest wins: with {@code /images/} and
 *       {@code /images/thumbnails/} registered, {@code /images/thumbnails/a.png} goes to the
 *       second;
 *   <li>{@code example.com/} (not starting with a slash) applies only to requests whose
 *       {@code Host}, without its port, is {@code example.com}. Patterns with a host are tried
 *       before all patterns without one.
 * </ul>
 *
 * <p>The multiplexer also keeps paths tidy. A request for {@code /images} when only
 * {@code /images/} is registered is redirected ({@code 301}) to {@code /images/}, unless
 * {@code /images} is registered too. A path with {@code .} or {@code ..} segments or doubled
 * slashes is redirected to its cleaned form, with the query kept. A request that matches
 * nothing gets {@code 404 page not found}.
 *
 * <p>Registration and lookup may happen from any thread at any time, as in Go: lookups share a
 * read lock, registrations take the write lock.
 */
@Mirrors(file = "net/http/server.go", func = "ServeMux")
public final class ServeMux implements Handler {
    /**
     * The multiplexer a {@code Server} uses when its handler is null; register on it with
     * {@code ServeMux.DEFAULT.handleFunc(...)}, as Go programs call {@code http.HandleFunc}.
     */
    @Mirrors(file = "net/http/server.go", func = "DefaultServeMux")
    public static final ServeMux DEFAULT = new ServeMux();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Every registered pattern, for exact lookups. */
    private final Map<String, Match> patterns = new HashMap<>();
    /** The subtree patterns (ending in '/'), longest first, so the first prefix found is the best. */
    private final List<Match> subtrees = new ArrayList<>();
    /** Whether some pattern starts with a host name; spares the host lookup when none does. */
    private boolean hasHostPatterns;

    /** Creates an empty multiplexer. */
    @Mirrors(file = "net/http/server.go", func = "NewServeMux")
    public ServeMux() {}

    /**
     * Registers {@code handler} for {@code pattern}.
     *
     * @throws IllegalArgumentException with Go's panic text: {@code "http: invalid pattern"} for an
     *     empty pattern, {@code "http: nil handler"} for a null handler, and
     *     {@code "http: multiple registrations for " + pattern} when the pattern is taken
     */
    // tag::mux-handle[]
    @Mirrors(file = "net/http/server.go", func = "ServeMux.Handle")
    public void handle(String pattern, Handler handler) {
        lock.writeLock().lock();
        try {
            if (pattern == null || pattern.isEmpty()) {
                throw new IllegalArgumentException("http: invalid pattern");
            }
            if (handler == null) throw new IllegalArgumentException("http: nil handler");
            if (patterns.containsKey(pattern)) {
                throw new IllegalArgumentException(
                        "http: multiple registrations for " + pattern);
            }
            Match entry = new Match(handler, pattern);
            patterns.put(pattern, entry);
            if (pattern.endsWith("/")) insertByLength(entry);
            if (pattern.charAt(0) != '/') hasHostPatterns = true;
        } finally {
            lock.writeLock().unlock();
        }
    }
    // end::mux-handle[]

    /** Registers a handler function for {@code pattern}; see {@link #handle}. */
    @Mirrors(file = "net/http/server.go", func = "ServeMux.HandleFunc")
    public void handleFunc(String pattern, HandlerFunc handler) {
        if (handler == null) throw new IllegalArgumentException("http: nil handler");
        handle(pattern, handler);
    }

    /** Inserts after all patterns at least as long, before all shorter ones. */
    @Mirrors(file = "net/http/server.go", func = "appendSorted")
    private void insertByLength(Match entry) {
        int i = 0;
        while (i < subtrees.size() && subtrees.get(i).pattern().length() >= entry.pattern().length()) i++;
        subtrees.add(i, entry);
    }

    /**
     * Answers the request with the handler that {@link #handler(Request)} picks. A request for
     * {@code *} (the target of {@code OPTIONS *}) matches no pattern: it gets a bare {@code 400}
     * with no body, and on HTTP/1.1 {@code Connection: close}.
     */
    @Override
    @Mirrors(file = "net/http/server.go", func = "ServeMux.ServeHTTP")
    public void serveHTTP(ResponseWriter w, Request r) throws Exception {
        if (r.requestURI.equals("*")) {
            if (r.protoAtLeast(1, 1)) w.header().set("Connection", "close");
            w.writeHeader(Status.BAD_REQUEST);
            return;
        }
        handler(r).handler().serveHTTP(w, r);
    }

    /**
     * Picks the handler for a request from its method, {@code host} and {@code url.path}; never
     * returns a null handler.
     *
     * <p>For all methods but {@code CONNECT}, the port is dropped from the host and the path is
     * cleaned with {@link #cleanPath}. If the cleaned path differs from the request's, the result
     * is a {@code 301} redirect to the cleaned path (query kept), with the pattern the cleaned
     * path will match. A {@code CONNECT} request, whose target is not a path to tidy, is matched
     * with host and path exactly as they are.
     *
     * <p>For every method, a path {@code /tree} with no pattern of its own but a subtree pattern
     * {@code /tree/} gives a {@code 301} redirect to {@code /tree/}, with the pattern
     * {@code /tree/}. (For {@code CONNECT}, this check looks at the host in {@code url.host},
     * as Go 1.19 does.) A request that matches nothing gets the 404 handler and pattern
     * {@code ""}.
     */
    // tag::mux-handler[]
    @Mirrors(file = "net/http/server.go", func = "ServeMux.Handler")
    public Match handler(Request r) {
        if (r.method.equals("CONNECT")) {
            if (shouldRedirectToSlash(r.url.host, r.url.path)) {
                return redirectMatch(r.url.path + "/", r.url.rawQuery, r.url.path + "/");
            }
            return handler(r.host, r.url.path);
        }

        String host = HostPort.stripHostPort(r.host);
        String path = cleanPath(r.url.path);
        if (shouldRedirectToSlash(host, path)) {
            return redirectMatch(path + "/", r.url.rawQuery, path + "/");
        }
        if (!path.equals(r.url.path)) {
            return redirectMatch(path, r.url.rawQuery, handler(host, path).pattern());
        }
        return handler(host, r.url.path);
    }
    // end::mux-handler[]

    /** A 301 to {@code path?rawQuery}, whose bytes came from the request and go back unchanged. */
    private static Match redirectMatch(String path, String rawQuery, String pattern) {
        String location = RedirectTarget.of(path, rawQuery);
        Handler redirect = (w, r) -> Replies.redirectBytes(w, r, location, Status.MOVED_PERMANENTLY);
        return new Match(redirect, pattern);
    }

    /** Looks up a host and a path already in their final form; host patterns first. */
    @Mirrors(file = "net/http/server.go", func = "ServeMux.handler")
    private Match handler(String host, String path) {
        lock.readLock().lock();
        try {
            Match found = null;
            if (hasHostPatterns) found = match(host + path);
            if (found == null) found = match(path);
            if (found == null) found = new Match(Replies.notFoundHandler(), "");
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The exact pattern equal to {@code path}, else the longest subtree pattern it starts with. */
    // tag::mux-match[]
    @Mirrors(file = "net/http/server.go", func = "ServeMux.match")
    private Match match(String path) {
        Match exact = patterns.get(path);
        if (exact != null) return exact;
        for (Match subtree : subtrees) {
            if (path.startsWith(subtree.pattern())) return subtree;
        }
        return null;
    }
    // end::mux-match[]

    /**
     * Whether {@code path} should be redirected to {@code path + "/"}: neither {@code path} nor
     * {@code host + path} is registered, but one of them with a slash added is.
     */
    @Mirrors(file = "net/http/server.go", func = "ServeMux.shouldRedirectRLocked")
    private boolean shouldRedirectToSlash(String host, String path) {
        lock.readLock().lock();
        try {
            List<String> candidates = List.of(path, host + path);
            for (String c : candidates) {
                if (patterns.containsKey(c)) return false;
            }
            if (path.isEmpty()) return false;
            for (String c : candidates) {
                if (patterns.containsKey(c + "/")) return !path.endsWith("/");
            }
            return false;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The canonical form of a request path: rooted, with {@code .} and {@code ..} segments
     * resolved and runs of slashes collapsed, keeping a trailing slash.
     *
     * <p>{@code ""} becomes {@code "/"}, {@code "a/b"} becomes {@code "/a/b"},
     * {@code "/a/../b/"} becomes {@code "/b/"}, {@code "//x"} becomes {@code "/x"}, and
     * {@code "/.."} becomes {@code "/"}: a path can never climb above the root.
     */
    // tag::clean-path[]
    @Mirrors(file = "net/http/server.go", func = "cleanPath")
    public static String cleanPath(String p) {
        if (p.isEmpty()) return "/";
        if (p.charAt(0) != '/') p = "/" + p;
        String cleaned = PathClean.clean(p);
        // Cleaning drops a trailing slash, but for a subtree pattern the slash
        // is meaningful.
        if (p.endsWith("/") && !cleaned.equals("/")) cleaned += "/";
        return cleaned;
    }
    // end::clean-path[]
}
