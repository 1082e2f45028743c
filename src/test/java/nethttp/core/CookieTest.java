package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Set-Cookie and Cookie parsing; the expected values are what Go 1.19's readSetCookies, readCookies and AddCookie give. */
class CookieTest {

    private static List<Cookie> setCookies(String... lines) {
        Header h = new Header();
        for (String l : lines) h.add("Set-Cookie", l);
        return Cookie.readSetCookies(h);
    }

    @Test
    void attributesAreReadAsGoReadsThem() {
        List<Cookie> cs = setCookies(
                "a=1; Path=/; Domain=.example.com; Max-Age=60; Secure; HttpOnly; SameSite=Lax",
                "q=\"quoted value\"",
                "bad name=1",
                "e=1; Expires=Wed, 21-Oct-2015 07:28:00 GMT",
                "f=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=007; Priority=High",
                "g=1; Max-Age=0; SameSite=whatever",
                "h=; Path=docs",
                "noequals",
                "i=1; Expires=garbage");
        assertEquals(List.of("a", "q", "e", "f", "g", "h", "i"), cs.stream().map(c -> c.name).toList());

        Cookie a = cs.get(0);
        assertEquals("1", a.value);
        assertEquals("/", a.path);
        assertEquals(".example.com", a.domain);
        assertEquals(60, a.maxAge);
        assertEquals(true, a.secure);
        assertEquals(true, a.httpOnly);
        assertEquals(Cookie.SameSite.LAX, a.sameSite);
        assertEquals("a=1; Path=/; Domain=.example.com; Max-Age=60; Secure; HttpOnly; SameSite=Lax", a.raw);

        assertEquals("quoted value", cs.get(1).value);

        Instant oct21 = Instant.parse("2015-10-21T07:28:00Z");
        assertEquals(oct21, cs.get(2).expires);
        assertEquals("Wed, 21-Oct-2015 07:28:00 GMT", cs.get(2).rawExpires);
        assertEquals(oct21, cs.get(3).expires);
        assertEquals(0, cs.get(3).maxAge, "a leading zero makes Max-Age unreadable");
        assertEquals(List.of("Max-Age=007", "Priority=High"), cs.get(3).unparsed);

        assertEquals(-1, cs.get(4).maxAge, "Max-Age=0 means delete");
        assertEquals(Cookie.SameSite.DEFAULT, cs.get(4).sameSite);
        assertEquals("", cs.get(5).value);
        assertEquals("docs", cs.get(5).path);
        assertNull(cs.get(6).expires);
        assertEquals("garbage", cs.get(6).rawExpires);
        assertEquals(List.of("Expires=garbage"), cs.get(6).unparsed);
    }

    @Test
    void addCookieSanitizesAndJoins() {
        Request r = new Request();
        Cookie.addCookie(r, new Cookie("a\nb", "x y"));
        Cookie.addCookie(r, new Cookie("c", "q\"u;o"));
        assertEquals("a-b=\"x y\"; c=quo", r.header.get("Cookie"));

        r.header.add("Cookie", "d=4; ; bad name=2; e=\"5\"");
        List<Cookie> read = Cookie.readCookies(r.header, "");
        assertEquals(List.of("a-b=x y", "c=quo", "d=4", "e=5"), read.stream().map(Cookie::toString).toList());
        assertEquals(List.of("d=4"), Cookie.readCookies(r.header, "d").stream().map(Cookie::toString).toList());
    }

    @Test
    void expiresNeedsOneOfTheTwoLayouts() {
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), Cookie.parseExpires("Fri, 02 Jan 2026 03:04:05 GMT"));
        assertNull(Cookie.parseExpires("Fri, 02 Jan 2026 03:04:05"));
        assertNull(Cookie.parseExpires("Fri, 02-Jan 2026 03:04:05 GMT"), "the separators must agree");
        assertNull(Cookie.parseExpires("Fri, 31 Feb 2026 03:04:05 GMT"), "no such day");
    }
}
