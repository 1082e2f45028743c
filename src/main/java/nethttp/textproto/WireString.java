package nethttp.textproto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The two kinds of Java string this library handles, and the crossings between them.
 *
 * <p>A <em>wire string</em> holds bytes, one {@code char} per byte (ISO-8859-1): what was read
 * from a connection, and what will be written to one. <em>Text</em> is an ordinary Java string
 * given by a user, such as a header value or a URL passed to the client; Go would hold it as
 * UTF-8, so it goes on the wire as its UTF-8 bytes. For ASCII the two are the same string, and
 * every method here returns such a string as it is.
 *
 * <p><b>Header and trailer values on the way out.</b> A value is one or the other, and which
 * one is decided by where it was set:
 * <ul>
 *   <li>A value with a {@code char} above U+00FF is text wherever it is, since no byte stands
 *       for that char: it goes out as its UTF-8 bytes ({@link #fromValue}). {@code "h\u00e9llo
 *       \u2603"} goes out as {@code h\xC3\xA9llo \xE2\x98\x83}, the bytes Go sends for the same
 *       literal.</li>
 *   <li>The header and trailer of a request sent through the client's transport are the
 *       user's text, all of them: every value that is not ASCII goes out as UTF-8
 *       ({@code caf\u00e9} as {@code caf\xC3\xA9}), as Go sends a string. A value read from a
 *       connection is decoded ({@link #toText}) before it is handed to the client.</li>
 *   <li>Anywhere else (the header and trailer of a server's response, a request written by
 *       hand with the request writer), a value whose chars all fit in a byte is taken for
 *       bytes and goes out one byte per char. That is what a value read from a connection
 *       holds, so a handler that copies a request's value, or a response's that a client read,
 *       into its own response sends the bytes that arrived, UTF-8 or not, as Go does. The
 *       price: text written in Java with chars from U+0080 to U+00FF only
 *       ({@code "caf\u00e9"}) goes out as Latin-1, {@code caf\xE9}, where Go's literal would
 *       be UTF-8; a handler that wants UTF-8 there passes {@link #fromText} of it.</li>
 * </ul>
 */
public final class WireString {
    private WireString() {}

    /** Whether every {@code char} of {@code s} is ASCII. */
    public static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /**
     * The UTF-8 bytes of {@code text}, as a wire string.
     *
     * @throws CharacterCodingException when {@code text} is not valid UTF-16 (it holds half of a
     *     surrogate pair), so that no bytes stand for it
     */
    public static String fromText(String text) throws CharacterCodingException {
        if (isAscii(text)) return text;
        ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text));
        return new String(utf8.array(), 0, utf8.limit(), StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link #fromText} for text that may hold half of a surrogate pair: each such half becomes
     * U+FFFD, the replacement character, as Go turns an invalid code point into UTF-8.
     */
    public static String fromTextReplacing(String text) {
        if (isAscii(text)) return text;
        try {
            ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD})
                    .encode(CharBuffer.wrap(text));
            return new String(utf8.array(), 0, utf8.limit(), StandardCharsets.ISO_8859_1);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacing encoder failed", e);
        }
    }

    /**
     * A header or trailer value as it is written to the wire: itself when every {@code char}
     * fits in a byte (the value is taken for bytes), its UTF-8 bytes when one does not (it is
     * text; half of a surrogate pair becomes U+FFFD). The rule is in the class description.
     */
    public static String fromValue(String value) {
        return isText(value) ? fromTextReplacing(value) : value;
    }

    /** Whether {@code s} holds a {@code char} above U+00FF, which no byte stands for: then it is text. */
    public static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) return true;
        }
        return false;
    }

    /**
     * The text whose UTF-8 bytes {@code wire} holds, or null when those bytes are not valid
     * UTF-8 (or {@code wire} is not a wire string).
     */
    public static String toText(String wire) {
        if (isAscii(wire)) return wire;
        byte[] bytes = new byte[wire.length()];
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c > 0xFF) return null;
            bytes[i] = (byte) c;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
