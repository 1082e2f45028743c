package nethttp.server;

import static nethttp.server.TestServer.maskDate;
import static nethttp.server.TestServer.readResponse;
import static nethttp.server.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Malformed requests get Go's exact replies, and the connection closes. */
class RequestErrorsTest {
    private static final String CLOSE_HEADERS = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n";

    private final AtomicInteger handlerCalls = new AtomicInteger();

    private TestServer server() throws Exception {
        return new TestServer((w, r) -> {
            handlerCalls.incrementAndGet();
            w.writeString("ok");
        });
    }

    private void assertReply(String request, String reply) throws Exception {
        try (var ts = server()) {
            assertEquals(reply, ts.roundTripAll(request));
        }
        assertEquals(0, handlerCalls.get(), "no handler may see a malformed request");
    }

    @Test
    void missingHostOnHttp11() throws Exception {
        assertReply("GET / HTTP/1.1\r\n\r\n",
                "HTTP/1.1 400 Bad Request: missing required Host header" + CLOSE_HEADERS + "400 Bad Request: missing required Host header");
    }

    @Test
    void malformedRequestLineGetsPlain400() throws Exception {
        assertReply("GARBAGE\r\n\r\n", "HTTP/1.1 400 Bad Request" + CLOSE_HEADERS + "400 Bad Request");
    }

    @Test
    void unsupportedVersionGets505() throws Exception {
        assertReply("GET / HTTP/2.0\r\nHost: x\r\n\r\n",
                "HTTP/1.1 505 HTTP Version Not Supported: unsupported protocol version" + CLOSE_HEADERS
                        + "505 HTTP Version Not Supported: unsupported protocol version");
    }

    @Test
    void unknownTransferEncodingGets501() throws Exception {
        assertReply("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
                "HTTP/1.1 501 Not Implemented" + CLOSE_HEADERS + "Unsupported transfer encoding");
    }

    @Test
    void differingContentLengthsGet400() throws Exception {
        assertReply("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                "HTTP/1.1 400 Bad Request" + CLOSE_HEADERS + "400 Bad Request");
    }

    @Test
    void invalidHeaderNameGets400WithReason() throws Exception {
        assertReply("GET / HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n",
                "HTTP/1.1 400 Bad Request: invalid header name" + CLOSE_HEADERS + "400 Bad Request: invalid header name");
    }

    @Test
    void oversizedHeaderGets431AndTheServerGoesOn() throws Exception {
        try (var ts = new TestServer((w, r) -> w.writeString("ok"), s -> s.maxHeaderBytes = 1024)) {
            // The limit is MaxHeaderBytes plus 4096 bytes of slack, as Go's.
            String big = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1024 + 4096) + "\r\n\r\n";
            assertEquals("HTTP/1.1 431 Request Header Fields Too Large" + CLOSE_HEADERS + "431 Request Header Fields Too Large",
                    ts.roundTripAll(big));
            String fits = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(4000) + "\r\n\r\n";
            assertTrue(ts.roundTripAll(fits).startsWith("HTTP/1.1 200 OK\r\n"));
        }
    }

    @Test
    void truncatedRequestGets400() throws Exception {
        assertReply("GET / HTTP/1.1\r\nHost: x\r\n", "HTTP/1.1 400 Bad Request" + CLOSE_HEADERS + "400 Bad Request");
    }

    @Test
    void emptyConnectionGetsNoReply() throws Exception {
        assertReply("", "");
    }

    @Test
    void unknownExpectationGets417() throws Exception {
        try (var ts = server()) {
            assertEquals("HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nDate: X\r\nContent-Length: 0\r\n\r\n",
                    maskDate(ts.roundTripAll("GET / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\n\r\n")));
        }
        assertEquals(0, handlerCalls.get());
    }

    @Test
    void optionsStarIsAnsweredByTheServer() throws Exception {
        try (var ts = server()) {
            assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nDate: X\r\n\r\n",
                    maskDate(ts.roundTripAll("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                            .replace("Connection: close\r\n", "")));
        }
        assertEquals(0, handlerCalls.get());
    }

    @Test
    void badRequestAfterAGoodOneOnTheSameConnection() throws Exception {
        try (var ts = server(); Socket s = ts.connect()) {
            send(s, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(readResponse(s.getInputStream(), false).endsWith("ok"));
            send(s, "GET / HTTP/9.9\r\nHost: x\r\n\r\n");
            assertEquals("HTTP/1.1 505 HTTP Version Not Supported: unsupported protocol version" + CLOSE_HEADERS
                    + "505 HTTP Version Not Supported: unsupported protocol version", TestServer.readAll(s.getInputStream()));
        }
    }
}
