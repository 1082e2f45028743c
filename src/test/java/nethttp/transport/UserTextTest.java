package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nethttp.client.Client;
import nethttp.client.ClientException;
import nethttp.client.Requests;
import nethttp.core.Header;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Text a user gives the client (header values, URLs) goes on the wire as UTF-8, as Go's strings
 * do; what the client takes from the wire (a redirect's URL) keeps its bytes. The byte-for-byte
 * comparison with Go is in {@link GoClientBytesTest}; here is what the server sees, and the errors.
 */
@Timeout(30)
class UserTextTest {
    /** A wire string (one char per byte) as text. */
    private static String text(String wire) {
        return new String(wire.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Test
    void headerValuesAndUrlsArriveAsUtf8AndTheCallersHeaderIsLeftAlone() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (LocalServer s = new LocalServer((w, r) -> {
            seen.add(r.header.get("X-Text"));
            seen.add(r.url.path);
            seen.add(r.url.rawQuery);
        })) {
            Request req = Requests.newRequest("GET", "http://" + s.hostPort() + "/café?q=€");
            req.header.set("X-Text", "€uro café");
            Response resp = new Transport().roundTrip(req);
            resp.body.close();
            assertEquals(List.of("€uro café", "/café", "q=€"), seen.stream().map(UserTextTest::text).toList());
            assertEquals("€uro café", req.header.get("X-Text"), "the caller's header holds text still");
        }
    }

    /** A trailer value filled in while the body is sent, as Go's callers do, arrives as UTF-8 too. */
    @Test
    void aTrailerSetAtTheEndOfTheBodyArrivesAsUtf8() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (LocalServer s = new LocalServer((w, r) -> {
            r.body.readAllBytes();
            seen.add(r.trailer.get("X-Sum"));
        })) {
            Request req = Requests.newRequest("POST", "http://" + s.hostPort() + "/");
            req.trailer = new Header();
            req.trailer.set("X-Sum", "");
            InputStream data = new ByteArrayInputStream("data".getBytes(StandardCharsets.US_ASCII));
            req.body = new InputStream() {
                @Override
                public int read() throws IOException {
                    int b = data.read();
                    if (b < 0) req.trailer.set("X-Sum", "\u2603 caf\u00e9");
                    return b;
                }
            };
            req.contentLength = -1;
            new Transport().roundTrip(req).body.close();
            assertEquals(List.of("\u2603 caf\u00e9"), seen.stream().map(UserTextTest::text).toList());
        }
    }

    @Test
    void aValueWithoutBytesIsRefusedBeforeAnythingIsSent() throws Exception {
        Transport t = new Transport();
        Request req = Requests.newRequest("GET", "http://127.0.0.1:1/");
        req.header.set("X-Secret", "half a pair \uD83D");
        ProtocolException e = assertThrows(ProtocolException.class, () -> t.roundTrip(req));
        assertEquals("net/http: invalid header field value for \"X-Secret\"", e.getMessage());
        assertEquals(0, t.dialCount());

        assertEquals("nethttp: URL is not valid text: half of a surrogate pair",
                assertThrows(ProtocolException.class, () -> Requests.newRequest("GET", "http://h/\uDE00")).getMessage());
        assertEquals("parse \"http://[é\": missing ']' in host",
                assertThrows(ProtocolException.class, () -> Requests.newRequest("GET", "http://[é")).getMessage());
    }

    /** The Referer names the URL that redirected, as the bytes it was sent with: not encoded twice. */
    @Test
    void theRefererOfARedirectKeepsTheBytesOfItsUrl() throws Exception {
        List<String> referers = new CopyOnWriteArrayList<>();
        try (LocalServer s = new LocalServer((w, r) -> {
            if (r.url.path.equals("/start")) {
                w.header().set("Location", "/next?r=\u00C3\u00A9"); // the raw bytes of "é"
                w.writeHeader(302);
                return;
            }
            referers.add(r.header.get("Referer"));
            referers.add(r.url.rawQuery);
        })) {
            Client c = new Client();
            c.transport = new Transport();
            c.get("http://" + s.hostPort() + "/start?q=€").body.close();
            assertEquals(List.of("http://" + s.hostPort() + "/start?q=€", "r=é"), referers.stream().map(UserTextTest::text).toList());
        }
    }

    @Test
    void aClientErrorShowsTheUrlAsText() {
        Client c = new Client();
        c.transport = new Transport();
        ClientException e = assertThrows(ClientException.class, () -> c.get("http://nothing.invalid/café?q=é"));
        assertEquals("Get \"http://nothing.invalid/caf%C3%A9?q=é\": dial tcp: lookup nothing.invalid: no such host", e.getMessage());

        Request byHand = assertDoesNotThrow(() -> Requests.newRequest("GET", "http://nothing.invalid/"));
        byHand.url.rawQuery = "q=€"; // text where the URL holds bytes
        assertEquals("Get \"http://nothing.invalid/?q=€\": dial tcp: lookup nothing.invalid: no such host",
                assertThrows(ClientException.class, () -> c.send(byHand)).getMessage());
    }
}
