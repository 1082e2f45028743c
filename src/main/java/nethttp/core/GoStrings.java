package nethttp.core;

import java.nio.charset.StandardCharsets;
import nethttp.textproto.WireString;

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
 * Code that must be exact writes bytes itself ({@link ResponseWriter#write(byte[])}). The
 * crossings themselves (UTF-8 in and out of one-char-per-byte strings) are {@link WireString}'s.
 */
public final class GoStrings {
    private GoStrings() {}

    /** The bytes Go would hold for {@code s}, by the rules in the class description. */
    public static byte[] bytes(String s) {
        return wireForm(s).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code s} as wire bytes, one {@code char} per byte: itself when it is bytes already, else
     * its UTF-8 encoding. The form in which the URL and escaping code of this library reads text.
     */
    public static String wireForm(String s) {
        return isBytes(s) ? s : WireString.fromTextReplacing(s);
    }

    /**
     * Whether {@code s} is read as bytes, one per char, rather than as text: it is ASCII, or its
     * chars, all below U+0100, taken as bytes are complete, shortest-form UTF-8 without surrogates.
     */
    static boolean isBytes(String s) {
        return WireString.toText(s) != null;
    }
}
