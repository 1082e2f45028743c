package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The questions Go's {@code request.go} and {@code response.go} ask of a request's header, asked
 * by the server and the transport alike: the cases are those of the header values Go's
 * token matching accepts and refuses.
 */
class RequestPredicatesTest {

    private static Request with(String name, String... values) {
        Request r = new Request();
        for (String v : values) r.header.add(name, v);
        return r;
    }

    @Test
    void expectsContinueMatchesTheTokenInAnyCase() {
        assertEquals(true, with("Expect", "100-continue").expectsContinue());
        assertEquals(true, with("Expect", "100-Continue").expectsContinue());
        assertEquals(true, with("Expect", "foo, 100-continue").expectsContinue());
        assertEquals(false, with("Expect", "100-continued").expectsContinue());
        assertEquals(false, with("Expect", "").expectsContinue());
        assertEquals(false, new Request().expectsContinue());
    }

    @Test
    void wantsCloseFromTheFieldOrTheConnectionHeader() {
        assertEquals(true, with("Connection", "close").wantsClose());
        assertEquals(true, with("Connection", "Keep-Alive, CLOSE").wantsClose());
        assertEquals(false, with("Connection", "closed").wantsClose());
        assertEquals(false, with("Connection", "keep-alive").wantsClose());
        Request r = new Request();
        assertEquals(false, r.wantsClose());
        r.close = true;
        assertEquals(true, r.wantsClose());
    }

    @Test
    void wantsHttp10KeepAliveOnlyForHttp10() {
        Request r10 = with("Connection", "Keep-Alive");
        r10.protoMinor = 0;
        assertEquals(true, r10.wantsHttp10KeepAlive());
        assertEquals(false, with("Connection", "keep-alive").wantsHttp10KeepAlive(), "HTTP/1.1 keeps alive anyway");
        Request plain10 = new Request();
        plain10.protoMinor = 0;
        assertEquals(false, plain10.wantsHttp10KeepAlive());
    }

    @Test
    void aProtocolSwitchNeedsUpgradeAndTheConnectionToken() {
        Request both = with("Upgrade", "websocket");
        both.header.add("Connection", "keep-alive, Upgrade");
        assertEquals(true, both.header.isProtocolSwitch());
        Request split = with("Upgrade", "h2c");
        split.header.add("Connection", "keep-alive");
        split.header.add("Connection", "upgrade");
        assertEquals(true, split.header.isProtocolSwitch(), "the token may be in any Connection line");
        assertEquals(false, with("Upgrade", "websocket").header.isProtocolSwitch());
        assertEquals(false, with("Connection", "Upgrade").header.isProtocolSwitch());
        Request upgraded = with("Upgrade", "websocket");
        upgraded.header.add("Connection", "upgraded");
        assertEquals(false, upgraded.header.isProtocolSwitch());
    }
}
