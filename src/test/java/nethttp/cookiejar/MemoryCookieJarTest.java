package nethttp.cookiejar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nethttp.core.Cookie;
import nethttp.core.Header;
import nethttp.url.URL;
import org.junit.jupiter.api.Test;

/** The in-memory jar; the expected cookie lists are those of Go 1.19's cookiejar (without a public suffix list). */
class MemoryCookieJarTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final MemoryCookieJar jar = new MemoryCookieJar(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private static URL url(String s) throws Exception {
        return URL.parse(s);
    }

    private void set(String u, String... lines) throws Exception {
        Header h = new Header();
        for (String l : lines) h.add("Set-Cookie", l);
        jar.setCookies(url(u), Cookie.readSetCookies(h));
    }

    private String get(String u) throws Exception {
        List<String> out = new ArrayList<>();
        for (Cookie c : jar.cookies(url(u))) out.add(c.toString());
        return out.toString();
    }

    @Test
    void hostOnlyDomainPathAndSecureAsGo() throws Exception {
        set("http://www.example.com/docs/page", "host=1", "dom=2; Domain=example.com", "root=3; Path=/",
                "other=4; Domain=other.org", "sec=5; Secure; Path=/");
        set("http://127.0.0.1:8080/", "ip=1", "ipdom=2; Domain=127.0.0.1", "ipbad=3; Domain=1.0.0.127");

        assertEquals("[host=1, dom=2, root=3]", get("http://www.example.com/docs/x"));
        assertEquals("[host=1, dom=2, root=3]", get("http://www.example.com/docs"));
        assertEquals("[root=3]", get("http://www.example.com/docsx"));
        assertEquals("[dom=2]", get("http://sub.example.com/docs/a"));
        assertEquals("[root=3, sec=5]", get("https://www.example.com/"));
        assertEquals("[]", get("http://example.com/"));
        assertEquals("[]", get("http://other.org/"));
        assertEquals("[ip=1, ipdom=2]", get("http://127.0.0.1:9/"));
        assertEquals("[host=1, dom=2, root=3]", get("http://WWW.Example.com./docs/"));

        set("http://www.example.com/", "root=gone; Max-Age=0");
        assertEquals("[host=1, dom=2]", get("http://www.example.com/docs/"));
    }

    @Test
    void expiryByMaxAgeAndExpires() throws Exception {
        set("http://h.test/", "short=1; Max-Age=10", "dated=2; Expires=Thu, 01 Jan 2026 00:01:00 GMT", "session=3",
                "past=4; Expires=Wed, 31 Dec 2025 00:00:00 GMT");
        assertEquals("[short=1, dated=2, session=3]", get("http://h.test/"));
        now = now.plus(Duration.ofSeconds(10));
        assertEquals("[dated=2, session=3]", get("http://h.test/"), "Max-Age=10 ends after ten seconds");
        now = now.plus(Duration.ofMinutes(1));
        assertEquals("[session=3]", get("http://h.test/"));
    }

    @Test
    void longerPathsFirstThenOlderFirstAndReplacementKeepsItsPlace() throws Exception {
        set("http://h.test/", "b=1; Path=/", "a=1; Path=/");
        set("http://h.test/", "deep=1; Path=/x/y");
        set("http://h.test/", "b=2; Path=/");
        assertEquals("[deep=1, b=2, a=1]", get("http://h.test/x/y/z"));
    }

    @Test
    void onlyHttpUrlsTakePart() throws Exception {
        set("ftp://h.test/", "a=1");
        set("http://h.test/", "b=1");
        assertEquals("[]", get("ftp://h.test/"));
        assertEquals("[b=1]", get("http://h.test/"));
    }

    @Test
    void defaultPathIsTheDirectory() {
        assertEquals("/", MemoryCookieJar.defaultPath(""));
        assertEquals("/", MemoryCookieJar.defaultPath("x"));
        assertEquals("/", MemoryCookieJar.defaultPath("/abc"));
        assertEquals("/abc", MemoryCookieJar.defaultPath("/abc/xyz"));
        assertEquals("/abc/xyz", MemoryCookieJar.defaultPath("/abc/xyz/"));
    }
}
