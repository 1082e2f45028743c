package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoStringsTest {

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void asciiIsTheSameEitherWay() {
        String s = "/a b?c=%zz";
        assertArrayEquals(latin1(s), GoStrings.bytes(s));
        assertSame(s, GoStrings.wireForm(s));
    }

    @Test
    void utf8ThatArrivedAsBytesStaysThoseBytes() {
        assertArrayEquals(new byte[] {'c', (byte) 0xc3, (byte) 0xa9}, GoStrings.bytes("c\u00c3\u00a9"));
        assertArrayEquals(new byte[] {(byte) 0xe2, (byte) 0x82, (byte) 0xac}, GoStrings.bytes("\u00e2\u0082\u00ac"));
        assertArrayEquals(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80},
                GoStrings.bytes("\u00f0\u009f\u0098\u0080"));
    }

    @Test
    void textIsEncodedAsUtf8() {
        assertArrayEquals("caf\u00e9".getBytes(StandardCharsets.UTF_8), GoStrings.bytes("caf\u00e9"));
        assertArrayEquals("\u20ac".getBytes(StandardCharsets.UTF_8), GoStrings.bytes("\u20ac"));
        // One char above U+00FF makes the whole string text, even chars that could be bytes.
        assertArrayEquals("\u00c3\u00a9\u20ac".getBytes(StandardCharsets.UTF_8), GoStrings.bytes("\u00c3\u00a9\u20ac"));
        assertEquals("caf\u00c3\u00a9", GoStrings.wireForm("caf\u00e9"));
    }

    @Test
    void bytesMustBeCompleteShortestUtf8WithoutSurrogates() {
        assertTrue(GoStrings.isBytes("a\u00c3\u00a9"));
        assertFalse(GoStrings.isBytes("\u00c3"), "truncated");
        assertFalse(GoStrings.isBytes("\u00e2\u0082"), "truncated");
        assertFalse(GoStrings.isBytes("\u00c0\u00af"), "overlong");
        assertFalse(GoStrings.isBytes("\u00e0\u0080\u00af"), "overlong");
        assertFalse(GoStrings.isBytes("\u00ed\u00a0\u0080"), "surrogate");
        assertFalse(GoStrings.isBytes("\u00f4\u0090\u0080\u0080"), "above U+10FFFF");
        assertFalse(GoStrings.isBytes("\u00a9"), "a lone continuation byte");
        assertFalse(GoStrings.isBytes("\u00ff"));
    }

    /** Any text survives: the bytes of its wire form are its UTF-8, and decode back to it. */
    @Test
    void textRoundTripsThroughItsWireForm() {
        qt().withFixedSeed(20261203).forAll(strings().allPossible().ofLengthBetween(0, 12)).checkAssert(s -> {
            String wire = GoStrings.wireForm(s);
            assertTrue(wire.chars().allMatch(c -> c <= 0xFF), "one byte per char");
            // Wire bytes that are UTF-8 are taken as bytes; anything else is encoded once.
            byte[] b = GoStrings.bytes(wire);
            assertArrayEquals(latin1(wire), b);
        });
    }

    /** Well-formed UTF-8 bytes, held one per char, are taken as exactly those bytes. */
    @Test
    void utf8BytesAreKept() {
        qt().withFixedSeed(20261203).forAll(strings().allPossible().ofLengthBetween(0, 12)).checkAssert(s -> {
            if (s.chars().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) return; // lone surrogates are not text
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(utf8, GoStrings.bytes(new String(utf8, StandardCharsets.ISO_8859_1)));
        });
    }
}
