package nethttp.mux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nethttp.core.Request;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Checks the multiplexer against a brute-force model: try every registered pattern, keep those
 * that match, take the longest, host patterns before the others, and redirect {@code /tree} to
 * {@code /tree/} when only the latter is registered.
 */
class ServeMuxModelTest {

    private static final String[] HOSTS = {"", "a.com", "b.com"};
    private static final String[] SEGMENTS = {"x", "y", "xy"};
    private static final String[] REQUEST_HOSTS = {"a.com", "b.com", "c.com", "a.com:8080"};

    /** A rooted path of up to three segments, with or without a trailing slash. */
    private static Gen<String> paths() {
        return lists().of(integers().between(0, SEGMENTS.length - 1)).ofSizeBetween(0, 3)
                .zip(integers().between(0, 1), (segs, slash) -> {
                    StringBuilder b = new StringBuilder();
                    for (int s : segs) b.append('/').append(SEGMENTS[s]);
                    if (b.isEmpty() || slash == 1) b.append('/');
                    return b.toString();
                });
    }

    private static Gen<String> patterns() {
        return integers().between(0, HOSTS.length - 1).zip(paths(), (h, p) -> HOSTS[h] + p);
    }

    /** What the model expects: the pattern, and whether the mux answers with a redirect. */
    private record Expected(String pattern, boolean redirect) {}

    private static Expected model(Set<String> registered, String host, String path) {
        boolean pathKnown = registered.contains(path) || registered.contains(host + path);
        boolean slashKnown = registered.contains(path + "/") || registered.contains(host + path + "/");
        if (!pathKnown && slashKnown && !path.endsWith("/")) return new Expected(path + "/", true);
        String best = longestMatch(registered, host + path, true);
        if (best == null) best = longestMatch(registered, path, false);
        return new Expected(best == null ? "" : best, false);
    }

    private static String longestMatch(Set<String> registered, String target, boolean hostPatterns) {
        String best = null;
        for (String p : registered) {
            if (p.startsWith("/") == hostPatterns) continue;
            boolean matches = p.equals(target) || (p.endsWith("/") && target.startsWith(p));
            if (matches && (best == null || p.length() > best.length())) best = p;
        }
        return best;
    }

    @Test
    void agreesWithTheBruteForceModel() {
        qt().withExamples(1500)
                .forAll(lists().of(patterns()).ofSizeBetween(0, 8), integers().between(0, REQUEST_HOSTS.length - 1),
                        paths())
                .checkAssert((patternList, hostIndex, path) -> {
                    Set<String> registered = new LinkedHashSet<>(patternList);
                    ServeMux mux = new ServeMux();
                    for (String p : registered) {
                        mux.handle(p, (w, r) -> {
                            w.header().set("Pattern", p);
                            w.writeHeader(200);
                        });
                    }
                    String requestHost = REQUEST_HOSTS[hostIndex];
                    Request r = new Request();
                    r.host = requestHost;
                    r.url.path = path;
                    Match got = mux.handler(r);
                    RecordingWriter w = new RecordingWriter();
                    try {
                        got.handler().serveHTTP(w, r);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }

                    Expected want = model(registered, HostPort.stripHostPort(requestHost), path);
                    String label = registered + " " + requestHost + path;
                    assertEquals(want.pattern(), got.pattern(), label);
                    if (want.redirect()) {
                        assertEquals(301, w.status(), label);
                        assertEquals(path + "/", w.sentHeader().get("Location"), label);
                    } else if (want.pattern().isEmpty()) {
                        assertEquals(404, w.status(), label);
                    } else {
                        assertEquals(want.pattern(), w.sentHeader().get("Pattern"), label);
                    }
                });
    }

    @Test
    void concurrentRegistrationAndLookupStayConsistent() throws Exception {
        ServeMux mux = new ServeMux();
        mux.handle("/", (w, r) -> w.writeHeader(200));
        int count = 200;
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < count; i++) mux.handle("/p" + i + "/", (w, r) -> w.writeHeader(201));
        });
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Request r = new Request();
            r.url.path = "/p" + i + "/q";
            seen.add(mux.handler(r).pattern());
        }
        writer.join();
        for (int i = 0; i < count; i++) {
            String p = seen.get(i);
            // Before its registration a path falls to "/", after it to its own subtree; nothing else.
            assertEquals(true, p.equals("/") || p.equals("/p" + i + "/"), p);
            Request r = new Request();
            r.url.path = "/p" + i + "/q";
            assertEquals("/p" + i + "/", mux.handler(r).pattern());
        }
    }
}
