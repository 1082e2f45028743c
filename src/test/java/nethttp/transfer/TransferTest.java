package nethttp.transfer;

import static nethttp.transfer.Streams.bufio;
import static nethttp.transfer.Streams.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import nethttp.core.Header;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.UnexpectedEOFException;
import nethttp.core.UnsupportedTransferEncodingException;
import org.junit.jupiter.api.Test;

class TransferTest {

    /** A POST as a request reader leaves it: version and header set, body not yet framed. */
    private static Request post(String proto, String... fields) {
        Request req = new Request();
        req.method = "POST";
        req.proto = proto;
        req.protoMajor = proto.charAt(5) - '0';
        req.protoMinor = proto.charAt(7) - '0';
        for (String f : fields) {
            int colon = f.indexOf(':');
            req.header.add(f.substring(0, colon), Header.trim(f.substring(colon + 1)));
        }
        return req;
    }

    // --- readTransfer: framing of requests ---

    @Test
    void noLengthAndNoChunkingMeansNoBody() throws IOException {
        Request req = post("HTTP/1.1", "Host: a");
        Transfer.readTransfer(req, bufio("GET /next HTTP/1.1\r\n"));
        assertSame(NoBody.INSTANCE, req.body);
        assertEquals(0, req.contentLength);
        assertFalse(req.close);
        assertNull(req.trailer);
    }

    @Test
    void contentLengthFramesTheBodyAndLeavesTheRest() throws IOException {
        Request req = post("HTTP/1.1", "Content-Length: 3");
        var r = bufio("abcNEXT");
        Transfer.readTransfer(req, r);
        assertEquals(3, req.contentLength);
        assertInstanceOf(Body.class, req.body);
        assertEquals("abc", readAll(req.body));
        assertEquals("NEXT", readAll(r));
    }

    @Test
    void zeroContentLengthIsNoBody() throws IOException {
        Request req = post("HTTP/1.1", "Content-Length: 0");
        Transfer.readTransfer(req, bufio("x"));
        assertSame(NoBody.INSTANCE, req.body);
        assertEquals(0, req.contentLength);
    }

    @Test
    void emptyContentLengthIsDeletedAndMeansNoBody() throws IOException {
        Request req = post("HTTP/1.1", "Content-Length: ");
        Transfer.readTransfer(req, bufio(""));
        assertSame(NoBody.INSTANCE, req.body);
        assertFalse(req.header.has("Content-Length"));
    }

    @Test
    void chunkedOverridesAndDeletesContentLength() throws IOException {
        Request req = post("HTTP/1.1", "Transfer-Encoding: Chunked", "Content-Length: 9999");
        Transfer.readTransfer(req, bufio("3\r\nfoo\r\n3\r\nbar\r\n0\r\n\r\n"));
        assertEquals(-1, req.contentLength);
        assertEquals(List.of("chunked"), req.transferEncoding);
        assertTrue(req.header.isEmpty(), "both framing fields are consumed: " + req.header);
        assertEquals("foobar", readAll(req.body));
        assertNull(req.trailer);
    }

    @Test
    void transferEncodingIsIgnoredOnHttp10() throws IOException {
        Request req = post("HTTP/1.0", "Transfer-Encoding: chunked", "Content-Length: 3");
        Transfer.readTransfer(req, bufio("abc"));
        assertEquals(3, req.contentLength);
        assertEquals(List.of(), req.transferEncoding);
        assertFalse(req.header.has("Transfer-Encoding"));
        assertEquals(List.of("3"), req.header.values("Content-Length"));
        assertTrue(req.close, "HTTP/1.0 without keep-alive closes");
        assertEquals("abc", readAll(req.body));
    }

    @Test
    void unsetVersionCountsAsHttp11ForTransferEncoding() throws IOException {
        Request req = post("HTTP/1.1", "Transfer-Encoding: chunked");
        req.protoMajor = 0;
        req.protoMinor = 0;
        Transfer.readTransfer(req, bufio("1\r\nz\r\n0\r\n\r\n"));
        assertEquals("z", readAll(req.body));
    }

    @Test
    void rejectsTransferCodingsOtherThanOneChunked() {
        assertTE("unsupported transfer encoding: \"fugazi\"", "fugazi");
        assertTE("unsupported transfer encoding: \"\"", "");
        assertTE("unsupported transfer encoding: \"chunked, identity\"", "chunked, identity");
        assertTE("unsupported transfer encoding: \"\\vchunked\"", "\u000bchunked");
        assertTE("unsupported transfer encoding: \"gzip, chunked\"", "gzip, chunked");
        assertTE("unsupported transfer encoding: \"identity\"", "identity");
        assertTE("too many transfer encodings: [\"chunked\" \"identity\"]", "chunked", "identity");
        assertTE("too many transfer encodings: [\"chunked, chunked\" \"identity\" \"chunked\"]",
                "chunked, chunked", "identity", "chunked");
    }

    @Test
    void asciiCaseOnlyMakesChunked() {
        // Java's equalsIgnoreCase would not match this either, but the byte must also be quoted as Go does.
        assertTE("unsupported transfer encoding: \"\\xc7hunked\"", "\u00c7hunked");
    }

    private static void assertTE(String message, String... values) {
        Request req = post("HTTP/1.1");
        for (String v : values) req.header.add("Transfer-Encoding", v);
        var e = assertThrows(UnsupportedTransferEncodingException.class, () -> Transfer.readTransfer(req, bufio("")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void identicalContentLengthsCollapseToOne() throws IOException {
        Request req = post("HTTP/1.1", "Content-Length: 3", "Content-Length:  3 ");
        Transfer.readTransfer(req, bufio("abc"));
        assertEquals(List.of("3"), req.header.values("Content-Length"));
        assertEquals("abc", readAll(req.body));
    }

    @Test
    void differingContentLengthsAreRefused() {
        Request req = post("HTTP/1.1", "Content-Length: 3", "Content-Length: 4");
        var e = assertThrows(ProtocolException.class, () -> Transfer.readTransfer(req, bufio("abcd")));
        assertEquals("http: message cannot contain multiple Content-Length headers; got [\"3\" \"4\"]", e.getMessage());
    }

    @Test
    void badContentLengthIsRefused() {
        Request req = post("HTTP/1.1", "Content-Length: 1 2");
        var e = assertThrows(ProtocolException.class, () -> Transfer.readTransfer(req, bufio("12")));
        assertEquals("bad Content-Length \"1 2\"", e.getMessage());
    }

    @Test
    void aShortContentLengthBodyIsAnUnexpectedEOF() throws IOException {
        Request req = post("HTTP/1.1", "Content-Length: 5");
        Transfer.readTransfer(req, bufio("ab"));
        byte[] buf = new byte[10];
        assertEquals(2, req.body.read(buf));
        assertThrows(UnexpectedEOFException.class, () -> req.body.read(buf));
        assertEquals(-1, req.body.read(buf), "after the error, the body reports its end as Go's does");
    }

    @Test
    void announcedTrailerKeysAreFilledInAtTheEnd() throws IOException {
        Request req = post("HTTP/1.1", "Transfer-Encoding: chunked", "Trailer: foo, bar", "Trailer: baz");
        Transfer.readTransfer(req, bufio("3\r\nabc\r\n0\r\nFoo: 1\r\nQux: 2\r\n\r\n"));
        assertFalse(req.header.has("Trailer"));
        assertEquals(Map.of("Bar", List.of(), "Baz", List.of(), "Foo", List.of()), req.trailer.asMap());
        assertEquals("abc", readAll(req.body));
        assertEquals(Map.of("Bar", List.of(), "Baz", List.of(), "Foo", List.of("1"), "Qux", List.of("2")),
                req.trailer.asMap());
    }

    @Test
    void trailerFieldWithoutChunkingStaysInTheHeader() throws IOException {
        Request req = post("HTTP/1.1", "Trailer: foo", "Content-Length: 1");
        Transfer.readTransfer(req, bufio("a"));
        assertEquals(List.of("foo"), req.header.values("Trailer"));
        assertNull(req.trailer);
    }

    @Test
    void framingKeysMayNotBeAnnouncedAsTrailers() {
        Map<String, String> sentAndReported = Map.of(
                "content-length", "\"Content-Length\"",
                "Transfer-Encoding", "\"Transfer-Encoding\"",
                "TRAILER", "\"Trailer\"");
        sentAndReported.forEach((sent, reported) -> {
            Request req = post("HTTP/1.1", "Transfer-Encoding: chunked", "Trailer: X-Ok, " + sent);
            var e = assertThrows(ProtocolException.class, () -> Transfer.readTransfer(req, bufio("")));
            assertEquals("bad trailer key " + reported, e.getMessage());
        });
    }

    @Test
    void closeFollowsVersionAndConnection() throws IOException {
        Request keep = post("HTTP/1.0", "Connection: keep-alive", "Content-Length: 1");
        Transfer.readTransfer(keep, bufio("a"));
        assertFalse(keep.close);

        Request close = post("HTTP/1.1", "Connection: close");
        Transfer.readTransfer(close, bufio(""));
        assertTrue(close.close);
        assertTrue(close.header.has("Connection"), "a server keeps the field");
    }

    // --- the helpers ---

    @Test
    void parseContentLengthLikeGo() throws ProtocolException {
        assertEquals(3, Transfer.parseContentLength("3"));
        assertEquals(3, Transfer.parseContentLength(" \t3\r\n"));
        assertEquals(-1, Transfer.parseContentLength(""));
        assertEquals(-1, Transfer.parseContentLength("  "));
        assertEquals(0, Transfer.parseContentLength("000"));
        assertEquals(Long.MAX_VALUE, Transfer.parseContentLength("9223372036854775807"));
        for (String bad : List.of("+3", "-3", "9223372036854775808", "99999999999999999999", "3 3", "0x3",
                "3_0", "\u0663")) {
            var e = assertThrows(ProtocolException.class, () -> Transfer.parseContentLength(bad));
            assertEquals("bad Content-Length " + nethttp.textproto.Quote.quote(bad), e.getMessage());
        }
    }

    @Test
    void fixLengthForResponses() throws ProtocolException {
        assertEquals(0, Transfer.fixLength(true, 200, "HEAD", header("Content-Length", "10"), false));
        assertEquals(0, Transfer.fixLength(true, 101, "GET", header("Content-Length", "10"), false));
        assertEquals(0, Transfer.fixLength(true, 204, "GET", header("Content-Length", "10"), false));
        assertEquals(0, Transfer.fixLength(true, 304, "GET", header("Content-Length", "10"), true));
        assertEquals(-1, Transfer.fixLength(true, 200, "GET", new Header(), true));
        assertEquals(-1, Transfer.fixLength(true, 200, "GET", new Header(), false));
        assertEquals(10, Transfer.fixLength(true, 200, "GET", header("Content-Length", "10"), false));
        assertEquals(0, Transfer.fixLength(false, 200, "POST", new Header(), false));
    }

    private static Header header(String key, String value) {
        Header h = new Header();
        h.add(key, value);
        return h;
    }

    @Test
    void shouldCloseLikeGo() {
        assertTrue(Transfer.shouldClose(0, 9, new Header(), false));
        assertTrue(Transfer.shouldClose(1, 0, new Header(), false));
        assertFalse(Transfer.shouldClose(1, 0, header("Connection", "Keep-Alive"), false));
        assertTrue(Transfer.shouldClose(1, 0, header("Connection", "keep-alive, close"), false));
        assertFalse(Transfer.shouldClose(1, 1, new Header(), false));
        assertFalse(Transfer.shouldClose(1, 1, header("Connection", "closed"), false));
        assertTrue(Transfer.shouldClose(1, 1, header("Connection", "upgrade ,\tCLOSE "), false));
        assertTrue(Transfer.shouldClose(2, 0, header("Connection", "close"), false));

        Header h = header("Connection", "close");
        assertTrue(Transfer.shouldClose(1, 1, h, true));
        assertFalse(h.has("Connection"), "removed when asked");
        Header h10 = header("Connection", "close");
        assertTrue(Transfer.shouldClose(1, 0, h10, true));
        assertTrue(h10.has("Connection"), "Go removes it only from HTTP/1.1 on");
    }

    @Test
    void statusAndCodingHelpers() {
        for (int s : new int[] {100, 101, 199, 204, 304}) assertFalse(Transfer.bodyAllowedForStatus(s), "" + s);
        for (int s : new int[] {200, 201, 205, 301, 400, 500}) assertTrue(Transfer.bodyAllowedForStatus(s), "" + s);
        assertEquals(List.of("Content-Type", "Content-Length", "Transfer-Encoding"), Transfer.suppressedHeaders(304));
        assertEquals(List.of("Content-Length", "Transfer-Encoding"), Transfer.suppressedHeaders(204));
        assertEquals(List.of(), Transfer.suppressedHeaders(200));
        assertTrue(Transfer.isChunked(List.of("chunked", "gzip")));
        assertFalse(Transfer.isChunked(List.of("gzip", "chunked")));
        assertFalse(Transfer.isChunked(List.of()));
        assertTrue(Transfer.isIdentity(List.of("identity")));
        assertFalse(Transfer.isIdentity(List.of("identity", "chunked")));
        assertTrue(Transfer.noResponseBodyExpected("HEAD"));
        assertFalse(Transfer.noResponseBodyExpected("head"));
    }

    @Test
    void headerElementsSplitOnCommasAndDropEmptyOnes() {
        assertEquals(List.of("a", "b c", "d"), nethttp.textproto.HeaderTokens.elements(" a,, b c ,d,"));
        assertEquals(List.of(), nethttp.textproto.HeaderTokens.elements(" \t"));
        assertEquals(List.of("one"), nethttp.textproto.HeaderTokens.elements("one"));
    }
}
