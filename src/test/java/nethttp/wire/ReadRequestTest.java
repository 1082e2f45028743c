package nethttp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.UnexpectedEOFException;
import nethttp.textproto.BufioReader;
import nethttp.textproto.GoStrings;
import org.junit.jupiter.api.Test;

class ReadRequestTest {

    private static BufioReader wire(String s) {
        return new BufioReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void thePublicReaderReportsACleanEndAsEOF() {
        IOException e = assertThrows(IOException.class, () -> ReadRequest.readRequest(wire("")));
        assertEquals(EOFException.class, e.getClass());
    }

    @Test
    void thePublicReaderReportsATruncatedHeadAsUnexpectedEOF() {
        assertThrows(UnexpectedEOFException.class, () -> ReadRequest.readRequest(wire("GET / HTTP/1.1\r\nHost: x\r\n")));
    }

    @Test
    void thePublicReaderRejectsAMalformedLineBeforeFramingTheBody() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> ReadRequest.readRequest(wire("GET /\r\n\r\n")));
        assertEquals("malformed HTTP request \"GET /\"", e.getMessage());
    }

    @Test
    void theHeadStopsAtTheBlankLineAndLeavesTheBodyUnread() throws IOException {
        BufioReader r = wire("POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody");
        Request req = ReadRequest.readRequestHead(r);
        assertEquals("POST", req.method);
        assertEquals("h", req.header.get("Host"));
        assertEquals("4", req.header.get("Content-Length"));
        assertEquals("body", new String(r.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void twoRequestsInARowAreReadOneAfterTheOther() throws IOException {
        BufioReader r = wire("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.0\r\n\r\n");
        assertEquals("/a", ReadRequest.readRequestHead(r).url.path);
        Request second = ReadRequest.readRequestHead(r);
        assertEquals("/b", second.url.path);
        assertEquals(0, second.protoMinor);
        assertThrows(EOFException.class, () -> ReadRequest.readRequestHead(r));
    }

    @Test
    void aStreamThatEndsMidLineIsTruncated() {
        InputStream dribble = new ByteArrayInputStream("GET / HTTP/1.1\r\nHost: exam".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> ReadRequest.readRequestHead(new BufioReader(dribble, 16)));
        assertInstanceOf(UnexpectedEOFException.class, e);
        assertEquals("unexpected EOF", e.getMessage());
    }

    @Test
    void aLongRequestLineIsJoinedFromBufferPieces() throws IOException {
        String path = "/" + "x".repeat(200);
        Request req = ReadRequest.readRequestHead(GoStrings.smallReader("GET " + path + " HTTP/1.1\r\n\r\n"));
        assertEquals(path, req.url.path);
        assertEquals(path, req.requestURI);
    }

    @Test
    void theH2PrefaceIsRecognisedOnlyWithoutHeaders() throws IOException {
        assertTrue(ReadRequest.isH2Upgrade(ReadRequest.readRequestHead(wire("PRI * HTTP/2.0\r\n\r\n"))));
        assertEquals(false, ReadRequest.isH2Upgrade(ReadRequest.readRequestHead(wire("PRI * HTTP/2.0\r\nA: b\r\n\r\n"))));
        assertEquals(false, ReadRequest.isH2Upgrade(ReadRequest.readRequestHead(wire("PRI * HTTP/1.1\r\n\r\n"))));
    }

    @Test
    void validMethodAcceptsTokensOnly() {
        assertTrue(ReadRequest.validMethod("GET"));
        assertTrue(ReadRequest.validMethod("M-SEARCH"));
        assertTrue(ReadRequest.validMethod("get"));
        assertEquals(false, ReadRequest.validMethod(""));
        assertEquals(false, ReadRequest.validMethod("GE T"));
        assertEquals(false, ReadRequest.validMethod("G(T"));
        assertEquals(false, ReadRequest.validMethod("G\u00e9T"));
    }
}
