package nethttp.core;

import java.nio.charset.StandardCharsets;

/**
 * The bytes a Go program would hold for a Java string.
 *
 * <p>A Go string is a sequence of bytes; a Java string is a sequence of UTF-16 chars. This
 * library keeps everything that comes off the wire (a request's path, query, header values) as
 * strings of one {@code char} per byte, U+0000 to U+00FF, so that no byte is ever lost or
 * changed. A string written in Java source, on the other hand, is text, and the Go program it
 * stands for would hold its UTF-8 encoding.
 *
 * <p>Where a string may be either (the message of {@link Replies#error}, the target of
 * {@link Replies#redirect}, {@link ResponseWriter#writeString}), it is told apart by its content:
 *
 * <ul>
 *   <li>a string with a char above U+00FF cannot be bytes: it is text, and is encoded as UTF-8;
 *   <li>a string whose chars are all below U+0080 is the same either way;
 *   <li>otherwise, a string whose chars, taken as bytes, form well-formed UTF-8 is bytes already
 *       (the UTF-8 that a client sent, {@code "caf\u00c3\u00a9"}); one that does not is text
 *       ({@code "caf\u00e9"} written in Java source) and is encoded as UTF-8.
 * </ul>
 *
 * <p>Real text almost never reads as well-formed UTF-8 when taken char by char, and bytes sent by
 * a client are almost always UTF-8, so both common cases come out as Go's. Two cases cannot: a
 * client's bytes that are not UTF-8 (a Latin-1 {@code %E9}) are encoded as text, and a string
 * that joins text with non-ASCII to request bytes with non-ASCII is one or the other, never both.
 * Code that must be exact writes bytes itself ({@link ResponseWriter#write(byte[])}).
 */
public final class GoStrings {
    private GoStrings() {}

    /** The bytes Go would hold for {@code s}, by the rules in the class description. */
    public static byte[] bytes(String s) {
        return isBytes(s) ? s.getBytes(StandardCharsets.ISO_8859_1) : s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code s} as wire bytes, one {@code char} per byte: itself when it is bytes already, else
     * its UTF-8 encoding. The form in which the URL and escaping code of this library reads text.
     */
    public static String wireForm(String s) {
        return isBytes(s) ? s : new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code s} is read as bytes, one per char, rather than as text. */
    static boolean isBytes(String s) {
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) return false;
            if (c >= 0x80) high = true;
        }
        return !high || isWellFormedUtf8(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether {@code b} is a sequence of complete, shortest-form UTF-8 encodings of scalar values. */
    static boolean isWellFormedUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int more;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + more >= b.length) return false; // truncated
            int cp = c & (0x3F >> more);
            for (int k = 1; k <= more; k++) {
                int x = b[i + k] & 0xFF;
                if ((x & 0xC0) != 0x80) return false;
                cp = cp << 6 | (x & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
            i += more + 1;
        }
        return true;
    }
}
