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
