package nethttp.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import nethttp.core.Context;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.transfer.NoBody;
import nethttp.url.URLException;
import org.junit.jupiter.api.Test;

/** Requests.newRequest: the checks and body rules of Go 1.19's NewRequestWithContext (texts checked against Go). */
class RequestsTest {

    @Test
    void methodIsCheckedAndEmptyMeansGet() throws Exception {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Requests.newRequest("BAD METHOD", "http://x/"));
        assertEquals("net/http: invalid method \"BAD METHOD\"", e.getMessage());
        assertEquals("GET", Requests.newRequest("", "http://x/").method);
        assertEquals("PROPFIND", Requests.newRequest("PROPFIND", "http://x/").method);
    }

    @Test
    void urlErrorsAreGoText() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Requests.newRequest("GET", "http://[::1"));
        assertEquals("parse \"http://[::1\": missing ']' in host", e.getMessage());
        assertInstanceOf(URLException.class, e.getCause());
        e = assertThrows(ProtocolException.class, () -> Requests.newRequest("GET", ":foo"));
        assertEquals("parse \":foo\": missing protocol scheme", e.getMessage());
        e = assertThrows(ProtocolException.class, () -> Requests.newRequest(null, "GET", "http://x/", (byte[]) null));
        assertEquals("net/http: nil Context", e.getMessage());
    }

    @Test
    void hostComesFromTheUrlWithoutAnEmptyPort() throws Exception {
        Request r = Requests.newRequest("GET", "http://example.com:/p?q=1");
        assertEquals("example.com", r.host);
        assertEquals("example.com", r.url.host);
        assertEquals("/p?q=1", r.url.requestURI());
        assertEquals("[::1]:8080", Requests.newRequest("GET", "http://[::1]:8080/").host);
    }

    @Test
    void knownBodiesHaveALengthAndReopen() throws Exception {
        byte[] data = "héllo".getBytes(StandardCharsets.UTF_8);
        Request r = Requests.newRequest(Context.background(), "POST", "http://x/", data);
        data[0] = 'X'; // the request took a snapshot
        assertEquals(6, r.contentLength);
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), r.body.readAllBytes());
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), r.getBody.get().readAllBytes(), "a fresh copy after the first was read");

        Request s = Requests.newRequest(Context.background(), "POST", "http://x/", "héllo");
        assertEquals(6, s.contentLength);
    }

    @Test
    void emptyKnownBodyIsNoBodyAndNullIsNone() throws Exception {
        Request empty = Requests.newRequest(Context.background(), "POST", "http://x/", "");
        assertSame(NoBody.INSTANCE, empty.body);
        assertSame(NoBody.INSTANCE, empty.getBody.get());
        assertEquals(0, empty.contentLength);

        Request none = Requests.newRequest(Context.background(), "POST", "http://x/", (String) null);
        assertNull(none.body);
        assertNull(none.getBody);

        Request stream = Requests.newRequest(Context.background(), "POST", "http://x/", new ByteArrayInputStream(new byte[3]));
        assertEquals(0, stream.contentLength, "unknown, as Go leaves it");
        assertNull(stream.getBody);
    }
}
