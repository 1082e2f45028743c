package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nethttp.mux.RecordingWriter;
import org.junit.jupiter.api.Test;

class ReplyTest {

    private static Request get(String path) {
        Request r = new Request();
        r.method = "GET";
        r.url.path = path;
        return r;
    }

    @Test
    void errorWritesPlainTextWithNewlineAndNosniff() throws Exception {
        RecordingWriter w = new RecordingWriter();
        w.header().set("Content-Length", "99");
        Replies.error(w, "teapot <b>here</b>", 418);
        assertEquals(418, w.status());
        assertEquals("text/plain; charset=utf-8", w.sentHeader().get("Content-Type"));
        assertEquals("nosniff", w.sentHeader().get("X-Content-Type-Options"));
        // Go 1.19 leaves a Content-Length the handler set; later versions delete it.
        assertEquals("99", w.sentHeader().get("Content-Length"));
        assertEquals("teapot <b>here</b>\n", w.body());
    }

    @Test
    void errorReplacesAContentTypeSetBefore() throws Exception {
        RecordingWriter w = new RecordingWriter();
        w.header().set("Content-Type", "text/html");
        Replies.error(w, "", 500);
        assertEquals(List.of("text/plain; charset=utf-8"), w.sentHeader().values("Content-Type"));
        assertEquals("\n", w.body());
    }

    @Test
    void notFoundHandlerWritesGosPage() throws Exception {
        RecordingWriter w = new RecordingWriter();
        Replies.notFoundHandler().serveHTTP(w, get("/nowhere"));
        assertEquals(404, w.status());
        assertEquals("404 page not found\n", w.body());
        assertEquals("text/plain; charset=utf-8", w.sentHeader().get("Content-Type"));
    }

    /** Go's TestRedirect: absolute URLs untouched, relative ones resolved and cleaned. */
    @Test
    void redirectResolvesRelativeTargetsLikeGo() throws Exception {
        String[][] cases = {
            {"http://foobar.com/baz", "http://foobar.com/baz"},
            {"https://foobar.com/baz", "https://foobar.com/baz"},
            {"test://foobar.com/baz", "test://foobar.com/baz"},
            {"//foobar.com/baz", "//foobar.com/baz"},
            {"/foobar.com/baz", "/foobar.com/baz"},
            {"foobar.com/baz", "/qux/foobar.com/baz"},
            {"../quux/foobar.com/baz", "/quux/foobar.com/baz"},
            {"///foobar.com/baz", "/foobar.com/baz"},
            {"/foo?next=http://bar.com/", "/foo?next=http://bar.com/"},
            {"http://localhost:8080/_ah/login?continue=http://localhost:8080/",
                "http://localhost:8080/_ah/login?continue=http://localhost:8080/"},
            {"/фубар", "/%d1%84%d1%83%d0%b1%d0%b0%d1%80"},
            {"http://foo.com/фубар", "http://foo.com/%d1%84%d1%83%d0%b1%d0%b0%d1%80"},
        };
        for (String[] c : cases) {
            RecordingWriter w = new RecordingWriter();
            Replies.redirect(w, get("/qux/"), c[0], 302);
            assertEquals(302, w.status(), c[0]);
            assertEquals(c[1], w.sentHeader().get("Location"), c[0]);
        }
    }

    /**
     * Location values that Go 1.19's Redirect produced for these request paths and targets. They
     * cover targets that url.Parse rejects (then nothing is resolved), authorities with an empty
     * host (then the rest is resolved as a path), a request path not starting with a slash, and
     * the query and fragment left out of the cleaning.
     */
    private static final String[][] GO_LOCATIONS = {
        {"/qux/", "", "/qux/"},
        {"/qux/", "foo", "/qux/foo"},
        {"/qux/", "../x", "/x"},
        {"/qux/", "..", "/"},
        {"/qux/", "./", "/qux/"},
        {"/qux/", "a/b/../c/", "/qux/a/c/"},
        {"/qux/", "?q=1", "/qux/?q=1"},
        {"/qux/", "x?y=../z", "/qux/x?y=../z"},
        {"/qux/", "*", "/qux/*"},
        {"/qux/", "//", "/"},
        {"/qux/", "//@", "/@"},
        {"/qux/", "//user@/p", "/user@/p"},
        {"/qux/", "//us er@/p", "//us er@/p"},
        {"/qux/", "//host", "//host"},
        {"/qux/", "///a//b", "/a/b"},
        {"/qux/", "a:b", "a:b"},
        {"/qux/", "./a:b", "/qux/a:b"},
        {"/qux/", "1a:b", "1a:b"},
        {"/qux/", "+x:y", "+x:y"},
        {"/qux/", ":x", ":x"},
        {"/qux/", "/a%zz", "/a%zz"},
        {"/qux/", "/a%2F", "/a%2F"},
        {"/qux/", "b#frag", "/qux/b#frag"},
        {"/qux/", "b#%zz", "b#%zz"},
        {"/qux/", "/\u0001", "/\u0001"},
        {"/qux/", "/é", "/%c3%a9"},
        {"/qux/", "//%41@/x", "/%41@/x"},
        {"/qux/", "mailto:x", "mailto:x"},
        {"/qux/", "HTTP://x/y", "HTTP://x/y"},
        {"/qux/", "/a?b#c?d", "/a?b#c?d"},
        {"/qux/", "../../../../x/", "/x/"},
        {"/qux/", "x/./", "/qux/x/"},
        {"/qux/", "#", "/qux/#"},
        {"/qux/", "?", "/qux/?"},
        {"/qux/", "\\x", "/qux/\\x"},
        {"/qux/", "/a/b/..", "/a"},
        {"/qux/", "a/./b%zz", "a/./b%zz"},
        {"/qux/", "a/%41/../b", "/qux/a/b"},
        {"/qux/", "//@host", "//@host"},
        {"/qux/", "//a:b@", "/a:b@"},
        {"/qux/", "//a%zz@", "//a%zz@"},
        {"/a/b", "", "/a/"},
        {"/a/b", "foo", "/a/foo"},
        {"/a/b", "../x", "/x"},
        {"/a/b", "..", "/"},
        {"/a/b", "./", "/a/"},
        {"/a/b", "a/b/../c/", "/a/a/c/"},
        {"/a/b", "?q=1", "/a/?q=1"},
        {"/a/b", "x?y=../z", "/a/x?y=../z"},
        {"/a/b", "*", "/a/*"},
        {"/a/b", "//", "/"},
        {"/a/b", "//@", "/@"},
        {"/a/b", "//user@/p", "/user@/p"},
        {"/a/b", "//us er@/p", "//us er@/p"},
        {"/a/b", "//host", "//host"},
        {"/a/b", "///a//b", "/a/b"},
        {"/a/b", "a:b", "a:b"},
        {"/a/b", "./a:b", "/a/a:b"},
        {"/a/b", "1a:b", "1a:b"},
        {"/a/b", "+x:y", "+x:y"},
        {"/a/b", ":x", ":x"},
        {"/a/b", "/a%zz", "/a%zz"},
        {"/a/b", "/a%2F", "/a%2F"},
        {"/a/b", "b#frag", "/a/b#frag"},
        {"/a/b", "b#%zz", "b#%zz"},
        {"/a/b", "/\u0001", "/\u0001"},
        {"/a/b", "/é", "/%c3%a9"},
        {"/a/b", "//%41@/x", "/%41@/x"},
        {"/a/b", "mailto:x", "mailto:x"},
        {"/a/b", "HTTP://x/y", "HTTP://x/y"},
        {"/a/b", "/a?b#c?d", "/a?b#c?d"},
        {"/a/b", "../../../../x/", "/x/"},
        {"/a/b", "x/./", "/a/x/"},
        {"/a/b", "#", "/a/#"},
        {"/a/b", "?", "/a/?"},
        {"/a/b", "\\x", "/a/\\x"},
        {"/a/b", "/a/b/..", "/a"},
        {"/a/b", "a/./b%zz", "a/./b%zz"},
        {"/a/b", "a/%41/../b", "/a/a/b"},
        {"/a/b", "//@host", "//@host"},
        {"/a/b", "//a:b@", "/a:b@"},
        {"/a/b", "//a%zz@", "//a%zz@"},
        {"", "", "/"},
        {"", "foo", "/foo"},
        {"", "../x", "/x"},
        {"", "..", "/"},
        {"", "./", "/"},
        {"", "a/b/../c/", "/a/c/"},
        {"", "?q=1", "/?q=1"},
        {"", "x?y=../z", "/x?y=../z"},
        {"", "*", "/*"},
        {"", "//", "/"},
        {"", "//@", "/@"},
        {"", "//user@/p", "/user@/p"},
        {"", "//us er@/p", "//us er@/p"},
        {"", "//host", "//host"},
        {"", "///a//b", "/a/b"},
        {"", "a:b", "a:b"},
        {"", "./a:b", "/a:b"},
        {"", "1a:b", "1a:b"},
        {"", "+x:y", "+x:y"},
        {"", ":x", ":x"},
        {"", "/a%zz", "/a%zz"},
        {"", "/a%2F", "/a%2F"},
        {"", "b#frag", "/b#frag"},
        {"", "b#%zz", "b#%zz"},
        {"", "/\u0001", "/\u0001"},
        {"", "/é", "/%c3%a9"},
        {"", "//%41@/x", "/%41@/x"},
        {"", "mailto:x", "mailto:x"},
        {"", "HTTP://x/y", "HTTP://x/y"},
        {"", "/a?b#c?d", "/a?b#c?d"},
        {"", "../../../../x/", "/x/"},
        {"", "x/./", "/x/"},
        {"", "#", "/#"},
        {"", "?", "/?"},
        {"", "\\x", "/\\x"},
        {"", "/a/b/..", "/a"},
        {"", "a/./b%zz", "a/./b%zz"},
        {"", "a/%41/../b", "/a/b"},
        {"", "//@host", "//@host"},
        {"", "//a:b@", "/a:b@"},
        {"", "//a%zz@", "//a%zz@"},
        {"noslash", "", "."},
        {"noslash", "foo", "foo"},
        {"noslash", "../x", "../x"},
        {"noslash", "..", ".."},
        {"noslash", "./", "./"},
        {"noslash", "a/b/../c/", "a/c/"},
        {"noslash", "?q=1", ".?q=1"},
        {"noslash", "x?y=../z", "x?y=../z"},
        {"noslash", "*", "*"},
        {"noslash", "//", "/"},
        {"noslash", "//@", "/@"},
        {"noslash", "//user@/p", "/user@/p"},
        {"noslash", "//us er@/p", "//us er@/p"},
        {"noslash", "//host", "//host"},
        {"noslash", "///a//b", "/a/b"},
        {"noslash", "a:b", "a:b"},
        {"noslash", "./a:b", "a:b"},
        {"noslash", "1a:b", "1a:b"},
        {"noslash", "+x:y", "+x:y"},
        {"noslash", ":x", ":x"},
        {"noslash", "/a%zz", "/a%zz"},
        {"noslash", "/a%2F", "/a%2F"},
        {"noslash", "b#frag", "b#frag"},
        {"noslash", "b#%zz", "b#%zz"},
        {"noslash", "/\u0001", "/\u0001"},
        {"noslash", "/é", "/%c3%a9"},
        {"noslash", "//%41@/x", "/%41@/x"},
        {"noslash", "mailto:x", "mailto:x"},
        {"noslash", "HTTP://x/y", "HTTP://x/y"},
        {"noslash", "/a?b#c?d", "/a?b#c?d"},
        {"noslash", "../../../../x/", "../../../../x/"},
        {"noslash", "x/./", "x/"},
        {"noslash", "#", "#"},
        {"noslash", "?", ".?"},
        {"noslash", "\\x", "\\x"},
        {"noslash", "/a/b/..", "/a"},
        {"noslash", "a/./b%zz", "a/./b%zz"},
        {"noslash", "a/%41/../b", "a/b"},
        {"noslash", "//@host", "//@host"},
        {"noslash", "//a:b@", "/a:b@"},
        {"noslash", "//a%zz@", "//a%zz@"},
        {"/", "", "/"},
        {"/", "foo", "/foo"},
        {"/", "../x", "/x"},
        {"/", "..", "/"},
        {"/", "./", "/"},
        {"/", "a/b/../c/", "/a/c/"},
        {"/", "?q=1", "/?q=1"},
        {"/", "x?y=../z", "/x?y=../z"},
        {"/", "*", "/*"},
        {"/", "//", "/"},
        {"/", "//@", "/@"},
        {"/", "//user@/p", "/user@/p"},
        {"/", "//us er@/p", "//us er@/p"},
        {"/", "//host", "//host"},
        {"/", "///a//b", "/a/b"},
        {"/", "a:b", "a:b"},
        {"/", "./a:b", "/a:b"},
        {"/", "1a:b", "1a:b"},
        {"/", "+x:y", "+x:y"},
        {"/", ":x", ":x"},
        {"/", "/a%zz", "/a%zz"},
        {"/", "/a%2F", "/a%2F"},
        {"/", "b#frag", "/b#frag"},
        {"/", "b#%zz", "b#%zz"},
        {"/", "/\u0001", "/\u0001"},
        {"/", "/é", "/%c3%a9"},
        {"/", "//%41@/x", "/%41@/x"},
        {"/", "mailto:x", "mailto:x"},
        {"/", "HTTP://x/y", "HTTP://x/y"},
        {"/", "/a?b#c?d", "/a?b#c?d"},
        {"/", "../../../../x/", "/x/"},
        {"/", "x/./", "/x/"},
        {"/", "#", "/#"},
        {"/", "?", "/?"},
        {"/", "\\x", "/\\x"},
        {"/", "/a/b/..", "/a"},
        {"/", "a/./b%zz", "a/./b%zz"},
        {"/", "a/%41/../b", "/a/b"},
        {"/", "//@host", "//@host"},
        {"/", "//a:b@", "/a:b@"},
        {"/", "//a%zz@", "//a%zz@"},
    };

    @Test
    void redirectLocationsMatchGo() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] c : GO_LOCATIONS) {
            RecordingWriter w = new RecordingWriter();
            Replies.redirect(w, get(c[0]), c[1], 302);
            String got = w.sentHeader().get("Location");
            if (!got.equals(c[2])) wrong.add(String.join(" | ", c) + " -> " + got);
        }
        assertEquals(List.of(), wrong);
    }

    /** Go's TestRedirectContentTypeAndBody. */
    @Test
    void redirectBodyAndContentTypeDependOnMethodAndExistingContentType() throws Exception {
        record Case(String method, List<String> contentType, String wantCT, String wantBody) {}
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("GET", null, "text/html; charset=utf-8", "<a href=\"/foo\">Found</a>.\n\n"));
        cases.add(new Case("HEAD", null, "text/html; charset=utf-8", ""));
        cases.add(new Case("POST", null, "", ""));
        cases.add(new Case("DELETE", null, "", ""));
        cases.add(new Case("foo", null, "", ""));
        cases.add(new Case("GET", List.of("application/test"), "application/test", ""));
        cases.add(new Case("GET", List.of(), "", ""));
        for (Case c : cases) {
            Request r = get("/qux/");
            r.method = c.method();
            RecordingWriter w = new RecordingWriter();
            if (c.contentType() != null) w.header().setRaw("Content-Type", c.contentType());
            Replies.redirect(w, r, "/foo", 302);
            assertEquals(302, w.status(), c.toString());
            assertEquals(c.wantCT(), w.sentHeader().get("Content-Type"), c.toString());
            assertEquals(c.wantBody(), w.body(), c.toString());
        }
    }

    @Test
    void redirectBodyEscapesHtmlAndNamesTheStatus() throws Exception {
        RecordingWriter w = new RecordingWriter();
        Replies.redirect(w, get("/"), "/a?x=<'&\">", 301);
        assertEquals("/a?x=<'&\">", w.sentHeader().get("Location"));
        assertEquals("<a href=\"/a?x=&lt;&#39;&amp;&#34;&gt;\">Moved Permanently</a>.\n\n", w.body());
    }

    /** Go's TestRedirectBadPath: a request path without a leading slash must not break it. */
    @Test
    void redirectWithBogusRequestPathStillAnswers() throws Exception {
        Request r = get("not-empty-but-no-leading-slash");
        r.url.scheme = "http";
        RecordingWriter w = new RecordingWriter();
        Replies.redirect(w, r, "", 304);
        assertEquals(304, w.status());
        assertEquals(".", w.sentHeader().get("Location"));
    }

    @Test
    void redirectHandlerRedirectsEveryRequest() throws Exception {
        Handler h = Replies.redirectHandler("../up", 307);
        RecordingWriter w = new RecordingWriter();
        h.serveHTTP(w, get("/a/b/c"));
        assertEquals(307, w.status());
        assertEquals("/a/up", w.sentHeader().get("Location"));
        assertEquals("<a href=\"/a/up\">Temporary Redirect</a>.\n\n", w.body());
    }

    /** Go's TestStripPrefix and TestStripPrefixNotModifyRequest. */
    @Test
    void stripPrefixRemovesItFromPathAndRawPath() throws Exception {
        Handler echo = (w, r) -> {
            w.header().set("X-Path", r.url.path);
            w.header().set("X-RawPath", r.url.rawPath);
        };
        Handler h = Replies.stripPrefix("/foo/bar", echo);
        // {path, rawPath, want path, want rawPath}; a null want means 404.
        String[][] cases = {
            {"/foo/bar/qux", "", "/qux", ""},
            {"/foo/bar/qux", "/foo/bar%2Fqux", "/qux", "%2Fqux"},
            {"/foo/bar/qux", "/foo%2Fbar/qux", null, null},
            {"/bar", "", null, null},
        };
        for (String[] c : cases) {
            Request r = get(c[0]);
            r.url.rawPath = c[1];
            RecordingWriter w = new RecordingWriter();
            h.serveHTTP(w, r);
            w.writeHeader(200);
            if (c[2] == null) {
                assertEquals(404, w.status(), c[0] + " " + c[1]);
                assertEquals("404 page not found\n", w.body());
            } else {
                assertEquals(200, w.status());
                assertEquals(c[2], w.sentHeader().get("X-Path"));
                assertEquals(c[3], w.sentHeader().get("X-RawPath"));
            }
            assertEquals(c[0], r.url.path, "the caller's request is not changed");
            assertEquals(c[1], r.url.rawPath, "the caller's request is not changed");
        }
    }

    /**
     * Go's StripPrefix copies the request struct, not the maps: the inner handler sees trailer
     * values that arrive in the caller's trailer, and its header changes show outside (checked
     * against Go 1.19 with http.ReadRequest and a recorder).
     */
    @Test
    void stripPrefixSharesHeaderAndTrailerWithTheCaller() throws Exception {
        String raw = "POST /api/x HTTP/1.1\r\nHost: h\r\nTrailer: X-Sum\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\nX-Sum: 42\r\n\r\n";
        Request req = nethttp.wire.ReadRequest.readRequest(new nethttp.textproto.BufioReader(
                new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        List<String> seen = new ArrayList<>();
        Handler inner = (w, r) -> {
            seen.add(r.url.path);
            seen.add(r.trailer.get("X-Sum"));
            seen.add(new String(r.body.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            seen.add(r.trailer.get("X-Sum"));
            r.header.set("X-Inner", "set");
        };
        Replies.stripPrefix("/api", inner).serveHTTP(new RecordingWriter(), req);
        assertEquals(List.of("/x", "", "abc", "42"), seen);
        assertEquals("set", req.header.get("X-Inner"));
        assertEquals("42", req.trailer.get("X-Sum"));
        assertEquals("/api/x", req.url.path);
    }

    @Test
    void stripPrefixWithEmptyPrefixIsTheHandlerItself() {
        Handler h = (w, r) -> {};
        assertSame(h, Replies.stripPrefix("", h));
    }

    @Test
    void hexEscapeNonAsciiEscapesEachByteInLowerCaseHexAndKeepsAscii() {
        assertEquals("/a%20b", Replies.hexEscapeNonASCII("/a%20b"));
        assertEquals("/caf%c3%a9", Replies.hexEscapeNonASCII("/caf\u00c3\u00a9"));
        assertEquals("/caf%e9?%ff", Replies.hexEscapeNonASCII("/caf\u00e9?\u00ff"));
    }

    // ---- bytes that are not ASCII: a request's bytes go back as the same bytes ----

    /** A path as the server reads it: the UTF-8 of "café" as sent, one char per byte. */
    private static final String WIRE_CAFE = "/caf\u00c3\u00a9";

    @Test
    void errorWritesARequestsBytesUnchanged() throws Exception {
        RecordingWriter w = new RecordingWriter();
        Replies.error(w, "no such page: " + WIRE_CAFE, 404);
        assertEquals("no such page: /caf\u00c3\u00a9\n", w.bodyBytes());
    }

    @Test
    void errorWritesTextAsUtf8() throws Exception {
        RecordingWriter w = new RecordingWriter();
        Replies.error(w, "Entr\u00e9e invalide \u2192 400", 400);
        assertEquals("Entr\u00e9e invalide \u2192 400\n", w.body());
    }

    @Test
    void redirectToARequestsBytesEscapesEachByteOnce() throws Exception {
        RecordingWriter w = new RecordingWriter();
        Request r = get("/old");
        r.url.rawQuery = "q=\u00c3\u00a9";
        Replies.redirect(w, r, WIRE_CAFE + "?" + r.url.rawQuery, 302);
        assertEquals("/caf%c3%a9?q=%c3%a9", w.sentHeader().get("Location"));
        assertEquals("<a href=\"/caf\u00c3\u00a9?q=\u00c3\u00a9\">Found</a>.\n\n", w.bodyBytes());
    }

    @Test
    void redirectBytesSendsBytesThatAreNotUtf8AsTheyAre() throws Exception {
        RecordingWriter w = new RecordingWriter();
        Replies.redirectBytes(w, get("/old"), "/caf\u00e9", 301);
        assertEquals("/caf%e9", w.sentHeader().get("Location"));
        assertEquals("<a href=\"/caf\u00e9\">Moved Permanently</a>.\n\n", w.bodyBytes());
    }

    @Test
    void redirectBytesRefusesCharsThatAreNoBytes() {
        assertThrows(IllegalArgumentException.class,
                () -> Replies.redirectBytes(new RecordingWriter(), get("/"), "/\u20ac", 301));
    }

    @Test
    void writeStringSendsARequestsBytesUnchangedAndTextAsUtf8() throws Exception {
        RecordingWriter w = new RecordingWriter();
        w.writeString(WIRE_CAFE);
        w.writeString(" Gr\u00fc\u00dfe");
        assertEquals("/caf\u00c3\u00a9 Gr\u00c3\u00bc\u00c3\u009fe", w.bodyBytes());
    }
}
