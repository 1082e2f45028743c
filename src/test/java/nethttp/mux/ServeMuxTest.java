package nethttp.mux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nethttp.core.Handler;
import nethttp.core.HandlerFunc;
import nethttp.core.Request;
import org.junit.jupiter.api.Test;

class ServeMuxTest {

    /** A handler that only sends a status, as Go's tests' serve(code). */
    private static Handler serve(int code) {
        return (w, r) -> w.writeHeader(code);
    }

    /** A handler that names itself in a Result header, as Go's tests' stringHandler. */
    private static Handler result(String name) {
        return (w, r) -> {
            w.header().set("Result", name);
            w.writeHeader(200);
        };
    }

    /** A request as Go's tests build one by hand: only method, Host and URL.Path. */
    private static Request request(String method, String host, String path) {
        Request r = new Request();
        r.method = method;
        r.host = host;
        r.url.path = path;
        return r;
    }

    /** A request as Go's NewRequest builds one from an absolute URL: the host is in both places. */
    private static Request clientRequest(String method, String host, String path, String rawQuery) {
        Request r = request(method, host, path);
        r.url.host = host;
        r.url.rawQuery = rawQuery;
        return r;
    }

    private static RecordingWriter serveVia(Match m, Request r) throws Exception {
        RecordingWriter w = new RecordingWriter();
        m.handler().serveHTTP(w, r);
        return w;
    }

    private static ServeMux goRegistrations() {
        ServeMux mux = new ServeMux();
        mux.handle("/dir/", serve(200));
        mux.handle("/search", serve(201));
        mux.handle("codesearch.google.com/search", serve(202));
        mux.handle("codesearch.google.com/", serve(203));
        mux.handle("example.com/", checkQueryString());
        return mux;
    }

    /** 200 when the raw query spells the request's own host and path, else 500. */
    private static Handler checkQueryString() {
        return (w, r) -> w.writeHeader(r.url.rawQuery.equals(r.host + r.url.path) ? 200 : 500);
    }

    /** Go's TestServeMuxHandler, row for row. */
    @Test
    void handlerPicksPatternAndStatusLikeGo() throws Exception {
        ServeMux mux = goRegistrations();
        Object[][] rows = {
            {"GET", "google.com", "/", 404, ""},
            {"GET", "google.com", "/dir", 301, "/dir/"},
            {"GET", "google.com", "/dir/", 200, "/dir/"},
            {"GET", "google.com", "/dir/file", 200, "/dir/"},
            {"GET", "google.com", "/search", 201, "/search"},
            {"GET", "google.com", "/search/", 404, ""},
            {"GET", "google.com", "/search/foo", 404, ""},
            {"GET", "codesearch.google.com", "/search", 202, "codesearch.google.com/search"},
            {"GET", "codesearch.google.com", "/search/", 203, "codesearch.google.com/"},
            {"GET", "codesearch.google.com", "/search/foo", 203, "codesearch.google.com/"},
            {"GET", "codesearch.google.com", "/", 203, "codesearch.google.com/"},
            {"GET", "codesearch.google.com:443", "/", 203, "codesearch.google.com/"},
            {"GET", "images.google.com", "/search", 201, "/search"},
            {"GET", "images.google.com", "/search/", 404, ""},
            {"GET", "images.google.com", "/search/foo", 404, ""},
            {"GET", "google.com", "/../search", 301, "/search"},
            {"GET", "google.com", "/dir/..", 301, ""},
            {"GET", "google.com", "/dir/./file", 301, "/dir/"},
            {"CONNECT", "google.com", "/dir", 301, "/dir/"},
            {"CONNECT", "google.com", "/../search", 404, ""},
            {"CONNECT", "google.com", "/dir/..", 200, "/dir/"},
            {"CONNECT", "google.com", "/dir/./file", 200, "/dir/"},
        };
        List<String> wrong = new ArrayList<>();
        for (Object[] row : rows) {
            Request r = request((String) row[0], (String) row[1], (String) row[2]);
            Match m = mux.handler(r);
            RecordingWriter w = serveVia(m, r);
            if (w.status() != (int) row[3] || !m.pattern().equals(row[4])) {
                wrong.add(row[0] + " " + row[1] + " " + row[2] + " = " + w.status() + " " + m.pattern());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Go's TestServeMuxHandlerRedirects: a redirect keeps the query; at most one is needed. */
    @Test
    void redirectsKeepTheQueryString() throws Exception {
        ServeMux mux = goRegistrations();
        // {host, path, rawQuery, final code, redirect allowed}
        Object[][] rows = {
            {"google.com", "/", "", 404, false},
            {"example.com", "/test/", "example.com/test/", 200, false},
            {"example.com", "test/", "example.com/test/", 200, true},
        };
        for (Object[] row : rows) {
            Request r = request("GET", (String) row[0], (String) row[1]);
            r.url.rawQuery = (String) row[2];
            RecordingWriter w = serveVia(mux.handler(r), r);
            if (w.status() == 301) {
                assertTrue((boolean) row[4], "unexpected redirect for " + row[1]);
                String location = w.sentHeader().get("Location");
                assertEquals("/test/?example.com/test/", location);
                int q = location.indexOf('?');
                r = request("GET", (String) row[0], location.substring(0, q));
                r.url.rawQuery = location.substring(q + 1);
                w = serveVia(mux.handler(r), r);
            }
            assertEquals((int) row[3], w.status(), (String) row[1]);
        }
    }

    /** Go's TestMuxRedirectLeadingSlashes: an empty mux still tidies the path first. */
    @Test
    void leadingSlashesAndDotDotsRedirectToTheCleanPath() throws Exception {
        for (String path : List.of("//foo.txt", "///foo.txt", "/../../foo.txt")) {
            Request r = request("GET", "test", path);
            r.requestURI = path;
            RecordingWriter w = new RecordingWriter();
            new ServeMux().serveHTTP(w, r);
            assertEquals(301, w.status(), path);
            assertEquals("/foo.txt", w.sentHeader().get("Location"), path);
            assertEquals("<a href=\"/foo.txt\">Moved Permanently</a>.\n\n", w.body());
        }
    }

    /** Go's TestMuxRedirectRelative: "GET http://example.com" has an empty path, cleaned to "/". */
    @Test
    void emptyPathRedirectsToRoot() throws Exception {
        Request r = request("GET", "example.com", "");
        r.url.scheme = "http";
        r.url.host = "example.com";
        r.requestURI = "http://example.com";
        RecordingWriter w = new RecordingWriter();
        new ServeMux().serveHTTP(w, r);
        assertEquals(301, w.status());
        assertEquals("/", w.sentHeader().get("Location"));
    }

    /** Go's TestServeWithSlashRedirectKeepsQueryString, following redirects by hand. */
    @Test
    void slashRedirectKeepsQueryAndCanBeOverridden() throws Exception {
        HandlerFunc writeBackQuery = (w, r) -> w.writeString(r.url.rawQuery);
        ServeMux mux = new ServeMux();
        mux.handleFunc("/testOne", writeBackQuery);
        mux.handleFunc("/testTwo/", writeBackQuery);
        mux.handleFunc("/testThree", writeBackQuery);
        mux.handleFunc("/testThree/", (w, r) -> w.writeString(r.url.rawQuery + ":bar"));

        // {path, query, method, body, status}
        Object[][] rows = {
            {"/testOne", "this=that", "GET", "this=that", 200},
            {"/testTwo", "foo=bar", "GET", "foo=bar", 200},
            {"/testTwo", "a=1&b=2&a=3", "GET", "a=1&b=2&a=3", 200},
            {"/testTwo", "", "GET", "", 200},
            {"/testThree", "foo", "GET", "foo", 200},
            {"/testThree/", "foo", "GET", "foo:bar", 200},
            {"/testThree", "foo", "CONNECT", "foo", 200},
            {"/testThree/", "foo", "CONNECT", "foo:bar", 200},
            {"/testOne/foo/..", "foo", "GET", "foo", 200},
            {"/testOne/foo/..", "foo", "CONNECT", "404 page not found\n", 404},
        };
        for (Object[] row : rows) {
            RecordingWriter w = follow(mux, (String) row[2], "127.0.0.1:8080", (String) row[0], (String) row[1]);
            assertEquals(row[3], w.body(), row[2] + " " + row[0]);
            assertEquals((int) row[4], w.status(), row[2] + " " + row[0]);
        }
    }

    /** Serves a request and follows at most one redirect, as a client would (with GET). */
    private static RecordingWriter follow(ServeMux mux, String method, String host, String path, String query)
            throws Exception {
        Request r = clientRequest(method, host, path, query);
        r.requestURI = path;
        RecordingWriter w = new RecordingWriter();
        mux.serveHTTP(w, r);
        if (w.status() != 301) return w;
        String location = w.sentHeader().get("Location");
        int q = location.indexOf('?');
        Request next = clientRequest("GET", host, q < 0 ? location : location.substring(0, q),
                q < 0 ? "" : location.substring(q + 1));
        next.requestURI = location;
        RecordingWriter w2 = new RecordingWriter();
        mux.serveHTTP(w2, next);
        return w2;
    }

    /** Go's TestServeWithSlashRedirectForHostPatterns. */
    @Test
    void slashRedirectConsidersHostPatterns() throws Exception {
        ServeMux mux = new ServeMux();
        mux.handle("example.com/pkg/foo/", result("example.com/pkg/foo/"));
        mux.handle("example.com/pkg/bar", result("example.com/pkg/bar"));
        mux.handle("example.com/pkg/bar/", result("example.com/pkg/bar/"));
        mux.handle("example.com:3000/pkg/connect/", result("example.com:3000/pkg/connect/"));
        mux.handle("example.com:9000/", result("example.com:9000/"));
        mux.handle("/pkg/baz/", result("/pkg/baz/"));

        // {method, host, path, code, location, result}
        String[][] rows = {
            {"GET", "example.com", "/", "404", "", ""},
            {"GET", "example.com", "/pkg/foo", "301", "/pkg/foo/", ""},
            {"GET", "example.com", "/pkg/bar", "200", "", "example.com/pkg/bar"},
            {"GET", "example.com", "/pkg/bar/", "200", "", "example.com/pkg/bar/"},
            {"GET", "example.com", "/pkg/baz", "301", "/pkg/baz/", ""},
            {"GET", "example.com:3000", "/pkg/foo", "301", "/pkg/foo/", ""},
            {"CONNECT", "example.com", "/", "404", "", ""},
            {"CONNECT", "example.com:3000", "/", "404", "", ""},
            {"CONNECT", "example.com:9000", "/", "200", "", "example.com:9000/"},
            {"CONNECT", "example.com", "/pkg/foo", "301", "/pkg/foo/", ""},
            {"CONNECT", "example.com:3000", "/pkg/foo", "404", "", ""},
            {"CONNECT", "example.com:3000", "/pkg/baz", "301", "/pkg/baz/", ""},
            {"CONNECT", "example.com:3000", "/pkg/connect", "301", "/pkg/connect/", ""},
        };
        for (String[] row : rows) {
            RecordingWriter w = new RecordingWriter();
            mux.serveHTTP(w, clientRequest(row[0], row[1], row[2], ""));
            String label = String.join(" ", row);
            assertEquals(Integer.parseInt(row[3]), w.status(), label);
            if (w.status() == 301) {
                assertEquals(row[4], w.sentHeader().get("Location"), label);
            } else {
                assertEquals(row[5], w.sentHeader().get("Result"), label);
            }
        }
    }

    /** Go's TestHostHandlers: host patterns first, a '#' in a pattern, and tree redirects. */
    @Test
    void hostHandlersAndEscapedRedirects() throws Exception {
        ServeMux mux = new ServeMux();
        mux.handle("/", result("Default"));
        mux.handle("/someDir/", result("someDir"));
        mux.handle("/#/", result("hash"));
        mux.handle("someHost.com/someDir/", result("someHost.com/someDir"));
        // {host, decoded path, expected Result or Location}
        String[][] rows = {
            {"localhost", "/someDir/apage", "someDir"},
            {"localhost", "/#/apage", "hash"},
            {"localhost", "/otherDir/apage", "Default"},
            {"someHost.com", "/someDir/apage", "someHost.com/someDir"},
            {"otherHost.com", "/someDir/apage", "someDir"},
            {"otherHost.com", "/aDir/apage", "Default"},
            {"localhost", "/someDir", "/someDir/"},
            {"localhost", "/#", "/%23/"},
            {"someHost.com", "/someDir", "/someDir/"},
        };
        for (String[] row : rows) {
            RecordingWriter w = new RecordingWriter();
            mux.serveHTTP(w, request("GET", row[0], row[1]));
            String got = w.status() == 301 ? w.sentHeader().get("Location") : w.sentHeader().get("Result");
            assertEquals(row[2], got, row[0] + row[1]);
        }
    }

    @Test
    void cleanedPathRedirectEscapesThePathAndKeepsTheRawQuery() throws Exception {
        ServeMux mux = new ServeMux();
        mux.handle("/", serve(200));
        Request r = request("GET", "h", "/a b/./c?d/\u00e9/");
        r.url.rawQuery = "x=%20y&z";
        Match m = mux.handler(r);
        assertEquals("/", m.pattern());
        RecordingWriter w = serveVia(m, r);
        assertEquals(301, w.status());
        assertEquals("/a%20b/c%3Fd/%E9/?x=%20y&z", w.sentHeader().get("Location"));
    }

    @Test
    void connectWithAuthorityTargetIsMatchedByHostAsIs() throws Exception {
        ServeMux mux = new ServeMux();
        mux.handle("proxy.example:443", serve(200));
        // CONNECT proxy.example:443: the target is an authority; the path is empty.
        Request r = request("CONNECT", "proxy.example:443", "");
        r.url.host = "proxy.example:443";
        r.requestURI = "proxy.example:443";
        Match m = mux.handler(r);
        assertEquals("proxy.example:443", m.pattern());
        assertEquals(200, serveVia(m, r).status());
    }

    /** A relative CONNECT path with a colon: Go's target gets a "./" that Redirect cleans away. */
    @Test
    void connectSlashRedirectOfRelativePathWithColon() throws Exception {
        ServeMux mux = new ServeMux();
        mux.handle("a:b/", serve(200));
        Request r = request("CONNECT", "x", "a:b");
        r.url.rawQuery = "q";
        assertEquals("./a:b/?q", RedirectTarget.of("a:b/", "q"));
        Match m = mux.handler(r);
        assertEquals("a:b/", m.pattern());
        RecordingWriter w = serveVia(m, r);
        assertEquals(301, w.status());
        assertEquals("a:b/?q", w.sentHeader().get("Location"));
    }

    /** What Go's {@code url.URL{Path: p, RawQuery: "q=1"}.String()} gives for the same paths. */
    @Test
    void redirectTargetIsWrittenAsGosURLString() {
        assertEquals("/a%20b/%E9%3F%23%25?q=1", RedirectTarget.of("/a b/\u00e9?#%", "q=1"));
        assertEquals("/caf%C3%A9/?q=1", RedirectTarget.of("/caf\u00c3\u00a9/", "q=1"));
        // Above U+00FF a char is no wire byte: the path is taken as UTF-8, as a Go string holds it.
        assertEquals("/%E2%82%AC/x?q=1", RedirectTarget.of("/\u20ac/x", "q=1"));
        assertEquals("./a:b/?q=1", RedirectTarget.of("a:b/", "q=1"));
        assertEquals("/%2A/", RedirectTarget.of("/*/", ""));
    }

    @Test
    void asteriskGetsBare400AndClosesOnHttp11() throws Exception {
        ServeMux mux = new ServeMux();
        mux.handle("/", serve(200));
        for (int minor : new int[] {0, 1}) {
            Request r = request("OPTIONS", "h", "*");
            r.requestURI = "*";
            r.protoMinor = minor;
            r.proto = "HTTP/1." + minor;
            RecordingWriter w = new RecordingWriter();
            mux.serveHTTP(w, r);
            assertEquals(400, w.status());
            assertEquals("", w.body());
            assertEquals(minor == 1 ? "close" : "", w.sentHeader().get("Connection"));
            assertEquals(1, w.writeHeaderCalls());
        }
    }

    @Test
    void longestSubtreeWinsWhateverTheRegistrationOrder() throws Exception {
        for (List<String> order : List.of(List.of("/", "/a/", "/a/b/"), List.of("/a/b/", "/", "/a/"),
                List.of("/a/", "/a/b/", "/"))) {
            ServeMux mux = new ServeMux();
            for (String p : order) mux.handle(p, serve(200));
            assertEquals("/a/b/", mux.handler(request("GET", "h", "/a/b/c")).pattern());
            assertEquals("/a/", mux.handler(request("GET", "h", "/a/bc")).pattern());
            assertEquals("/", mux.handler(request("GET", "h", "/ab")).pattern());
        }
    }

    @Test
    void registrationErrorsUseGosPanicTexts() {
        ServeMux mux = new ServeMux();
        mux.handle("/x", serve(200));
        assertEquals("http: invalid pattern",
                assertThrows(IllegalArgumentException.class, () -> mux.handle("", serve(200))).getMessage());
        assertEquals("http: nil handler",
                assertThrows(IllegalArgumentException.class, () -> mux.handle("/y", null)).getMessage());
        assertEquals("http: nil handler",
                assertThrows(IllegalArgumentException.class, () -> mux.handleFunc("/y", null)).getMessage());
        assertEquals("http: multiple registrations for /x",
                assertThrows(IllegalArgumentException.class, () -> mux.handle("/x", serve(201))).getMessage());
        // A failed registration leaves no trace: /y is still free.
        mux.handle("/y", serve(202));
        assertEquals("/y", mux.handler(request("GET", "h", "/y")).pattern());
    }

    @Test
    void unmatchedRequestGetsGos404Page() throws Exception {
        ServeMux mux = new ServeMux();
        mux.handle("/only", serve(200));
        Request r = request("GET", "h", "/other");
        Match m = mux.handler(r);
        assertEquals("", m.pattern());
        RecordingWriter w = serveVia(m, r);
        assertEquals(404, w.status());
        assertEquals("404 page not found\n", w.body());
    }

    @Test
    void hostPortIsStrippedLikeGo() {
        assertEquals("example.com", HostPort.stripHostPort("example.com:80"));
        assertEquals("example.com", HostPort.stripHostPort("example.com"));
        assertEquals("::1", HostPort.stripHostPort("[::1]:80"));
        assertEquals("example.com", HostPort.stripHostPort("example.com:"));
        // Not host:port at all: left as it is.
        assertEquals("a:b:c", HostPort.stripHostPort("a:b:c"));
        assertEquals("[::1]", HostPort.stripHostPort("[::1]"));
        assertEquals("[::1]x:80", HostPort.stripHostPort("[::1]x:80"));
        assertEquals("a]:80", HostPort.stripHostPort("a]:80"));
        assertEquals("[a[b]:80", HostPort.stripHostPort("[a[b]:80"));
    }
}
