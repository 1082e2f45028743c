package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GutsTest {

    @Test
    void headerNamesAreNonEmptyTokens() {
        assertTrue(Guts.validHeaderFieldName("X-Custom_1"));
        assertTrue(Guts.validHeaderFieldName("!#$%&'*+-.^_`|~"));
        assertFalse(Guts.validHeaderFieldName(""));
        assertFalse(Guts.validHeaderFieldName("Foo "));
        assertFalse(Guts.validHeaderFieldName("Foo:"));
        assertFalse(Guts.validHeaderFieldName("X-\u00c3\u009cnicode"));
        assertFalse(Guts.validHeaderFieldName("a\"b"));
    }

    @Test
    void headerValuesRefuseControlsButNotBlanksOrHighBytes() {
        assertTrue(Guts.validHeaderFieldValue(" padded\tvalue "));
        assertTrue(Guts.validHeaderFieldValue("caf\u00c3\u00a9\u00ff"));
        assertTrue(Guts.validHeaderFieldValue(""));
        assertFalse(Guts.validHeaderFieldValue("a\rb"));
        assertFalse(Guts.validHeaderFieldValue("a\nb"));
        assertFalse(Guts.validHeaderFieldValue("a\u0000b"));
        assertFalse(Guts.validHeaderFieldValue("a\u007fb"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "example.com:8080", "[::1]:80", "[fe80::1%25en0]", "a_b~c!$&'()*+,;=",
        "::::", "]["})
    void hostHeadersMayHoldAnyHostByteInAnyOrder(String host) {
        assertTrue(Guts.validHostHeader(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "a@b", "a?b", "caf\u00c3\u00a9", "a\tb", "a\"b", "a<b"})
    void hostHeadersRefuseOtherBytes(String host) {
        assertFalse(Guts.validHostHeader(host));
    }

    @Test
    void tokenListsAreSearchedCaseInsensitively() {
        assertTrue(Guts.headerValuesContainsToken(List.of("keep-alive, Upgrade"), "upgrade"));
        assertTrue(Guts.headerValuesContainsToken(List.of("foo", " \tclose\t "), "close"));
        assertFalse(Guts.headerValuesContainsToken(List.of("closed, x"), "close"));
        assertFalse(Guts.headerValuesContainsToken(List.of(), "close"));
        assertFalse(Guts.headerValuesContainsToken(List.of("cl\u00f6se"), "cl\u00f6se"));
    }

    @Test
    void trailersMayNotCarryFramingOrRoutingFields() {
        assertTrue(Guts.validTrailerHeader("x-checksum"));
        assertFalse(Guts.validTrailerHeader("content-length"));
        assertFalse(Guts.validTrailerHeader("If-Match"));
        assertFalse(Guts.validTrailerHeader("host"));
        assertEquals(true, Guts.isTokenRune('~'));
        assertEquals(false, Guts.isTokenRune(0x100));
    }
}
