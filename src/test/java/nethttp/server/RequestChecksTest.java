package nethttp.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import nethttp.core.Request;
import nethttp.core.StatusException;
import nethttp.textproto.GoStrings;
import nethttp.wire.ReadRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks Go's server makes on a request head; the answers are those a Go 1.19 server gave. */
class RequestChecksTest {

    private static Request head(String literal) throws IOException {
        return ReadRequest.readRequest(GoStrings.smallReader(GoStrings.unquote(literal)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "GET / HTTP/1.1\\r\\n\\r\\n"                              | 400 | missing required Host header
            "GET http://abs/ HTTP/1.1\\r\\n\\r\\n"                    | 400 | missing required Host header
            "GET / HTTP/2.0\\r\\nHost: x\\r\\n\\r\\n"                 | 505 | unsupported protocol version
            "GET / HTTP/0.9\\r\\n\\r\\n"                              | 505 | unsupported protocol version
            "GET / HTTP/2.0\\r\\nHost: a b\\r\\n\\r\\n"               | 505 | unsupported protocol version
            "GET / HTTP/1.1\\r\\nHost: a b\\r\\n\\r\\n"               | 400 | malformed Host header
            "GET / HTTP/1.1\\r\\nHost: a b\\r\\nFoo : x\\r\\n\\r\\n"  | 400 | malformed Host header
            "GET / HTTP/1.1\\r\\nHost: x\\r\\nFoo : bar\\r\\n\\r\\n"  | 400 | invalid header name
            "GET / HTTP/1.1\\r\\nHost: x\\r\\nFoo: a\\x01b\\r\\n\\r\\n" | 400 | invalid header value
            """)
    void rejectsAsGoDoes(String literal, int code, String reason) throws IOException {
        Request req = head(literal);
        StatusException e = assertThrows(StatusException.class, () -> RequestChecks.validate(req));
        assertEquals(code, e.code());
        assertEquals(reason, e.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "GET / HTTP/1.0\\r\\n\\r\\n"                  | ''
            "CONNECT h:1 HTTP/1.1\\r\\n\\r\\n"            | h:1
            "PRI * HTTP/2.0\\r\\n\\r\\n"                  | ''
            "GET / HTTP/1.1\\r\\nHost: \\r\\n\\r\\n"      | ''
            "GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"     | x
            "GET / HTTP/1.1\\r\\nHost: x\\r\\nA: b\\xffc\\t\\r\\n\\r\\n" | x
            """)
    void acceptsAndMovesHostOutOfTheHeader(String literal, String host) throws IOException {
        Request req = head(literal);
        assertDoesNotThrow(() -> RequestChecks.validate(req));
        assertFalse(req.header.has("Host"));
        assertEquals(host, req.host);
    }
}
