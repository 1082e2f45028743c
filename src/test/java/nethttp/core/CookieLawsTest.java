package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the Cookie header: what addCookie writes, readCookies reads back. */
class CookieLawsTest {
    private static final String TOKEN = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static Gen<String> names() {
        return lists().of(integers().between(0, TOKEN.length() - 1)).ofSizeBetween(1, 10)
                .map(ix -> ix.stream().map(i -> String.valueOf(TOKEN.charAt(i))).reduce("", String::concat));
    }

    /** Printable ASCII, quotes, semicolons and backslashes included: the sanitizer has work to do. */
    private static Gen<String> values() {
        return strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 12);
    }

    private static String sanitized(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (Cookie.validCookieValueByte(c)) b.append(c);
        }
        return b.toString();
    }

    @Test
    void addedCookiesReadBackWithTheirValuesSanitized() {
        qt().withFixedSeed(20261123L).forAll(names(), values(), names(), values()).checkAssert((n1, v1, n2, v2) -> {
            Request r = new Request();
            Cookie.addCookie(r, new Cookie(n1, v1));
            Cookie.addCookie(r, new Cookie(n2, v2));
            List<String> read = Cookie.readCookies(r.header, "").stream().map(Cookie::toString).toList();
            assertEquals(List.of(n1 + "=" + sanitized(v1), n2 + "=" + sanitized(v2)), read, r.header.get("Cookie"));
        });
    }
}
