package nethttp.demo;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import nethttp.annotations.Mirrors;

/**
 * A very small JSON writer whose output is byte-for-byte what Go's {@code encoding/json}
 * produces with {@code enc := json.NewEncoder(w); enc.SetIndent("", "  "); enc.Encode(v)}.
 *
 * <p>Values are plain Java objects:
 *
 * <ul>
 *   <li>{@code null} is written as {@code null}, as Go writes a nil slice or map;
 *   <li>a {@link String} holds <em>bytes</em>, one per {@code char} (wire text is ISO-8859-1),
 *       and is written as Go writes a {@code string} holding those bytes (see {@link #quote});
 *   <li>a {@link Boolean} or an integral {@link Number} is written as its literal;
 *   <li>a {@link List} is an array; an empty list is {@code []}, and a {@code null} element is
 *       {@code null};
 *   <li>a {@link Map} with {@link String} keys is an object whose members appear in the map's
 *       iteration order: pass a {@link java.util.LinkedHashMap} to retell a Go struct (fields in
 *       declaration order) and a sorted map to retell a Go map (Go sorts map keys by their bytes).
 * </ul>
 *
 * <p>The indentation follows Go's {@code json.Indent}: each member or element on its own line,
 * two spaces per level, {@code ": "} after a key, and empty objects and arrays kept as {@code {}}
 * and {@code []}. The encoder ends the document with a newline, as {@code Encoder.Encode} does.
 */
public final class Json {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Json() {}

    /**
     * Encodes {@code value} as indented JSON followed by a newline.
     *
     * @throws IllegalArgumentException when the value holds something other than the types
     *     listed in the class description, or a string holds a {@code char} above {@code 0xFF}
     */
    @Mirrors(file = "encoding/json/stream.go", func = "Encoder.Encode")
    public static byte[] encodeIndented(Object value) {
        Json json = new Json();
        json.value(value, 0);
        json.out.write('\n');
        return json.out.toByteArray();
    }

    /**
     * Encodes one byte string as a quoted JSON string, exactly as Go does with HTML escaping on.
     *
     * <p>Go lets most bytes through unchanged and escapes these: {@code "} and {@code \} with a
     * backslash; newline, carriage return and tab as {@code \n}, {@code \r}, {@code \t}; every
     * other control byte, and {@code <}, {@code >} and {@code &} (so JSON can sit safely inside
     * HTML), as {@code \}{@code u00XX} with lowercase hex. A valid UTF-8 sequence is copied as
     * is, except U+2028 and U+2029, which JavaScript treats as line ends and Go therefore
     * escapes. Each byte that does not start a valid UTF-8 sequence becomes {@code \}{@code
     * ufffd}, one replacement per byte.
     */
    @Mirrors(file = "encoding/json/encode.go", func = "encodeState.string")
    public static byte[] quote(String bytes) {
        Json json = new Json();
        json.string(bytes);
        return json.out.toByteArray();
    }

    private void value(Object v, int depth) {
        switch (v) {
            case null -> ascii("null");
            case String s -> string(s);
            case Boolean b -> ascii(b.toString());
            case Long n -> ascii(n.toString());
            case Integer n -> ascii(n.toString());
            case Map<?, ?> m -> object(m, depth);
            case List<?> l -> array(l, depth);
            default -> throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }

    private void object(Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            ascii("{}");
            return;
        }
        out.write('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) out.write(',');
            first = false;
            newline(depth + 1);
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings: " + e.getKey());
            }
            string(key);
            ascii(": ");
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        out.write('}');
    }

    private void array(List<?> l, int depth) {
        if (l.isEmpty()) {
            ascii("[]");
            return;
        }
        out.write('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) out.write(',');
            newline(depth + 1);
            value(l.get(i), depth + 1);
        }
        newline(depth);
        out.write(']');
    }

    private void newline(int depth) {
        out.write('\n');
        for (int i = 0; i < depth; i++) ascii("  ");
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) out.write(s.charAt(i));
    }

    private void string(String s) {
        byte[] b = toBytes(s);
        out.write('"');
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                asciiByte(c);
                i++;
                continue;
            }
            int size = Utf8.validSequenceLength(b, i);
            if (size == 0) {
                ascii("\\ufffd");
                i++;
            } else if (isLineOrParagraphSeparator(b, i, size)) {
                ascii("\\u202");
                out.write(HEX[b[i + 2] & 0x0F]);
                i += size;
            } else {
                out.write(b, i, size);
                i += size;
            }
        }
        out.write('"');
    }

    /** One ASCII byte: as is when safe inside both JSON and HTML, otherwise escaped. */
    private void asciiByte(int c) {
        switch (c) {
            case '"', '\\' -> {
                out.write('\\');
                out.write(c);
            }
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            default -> {
                if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                    ascii("\\u00");
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0x0F]);
                } else {
                    out.write(c);
                }
            }
        }
    }

    /** U+2028 is E2 80 A8 and U+2029 is E2 80 A9 in UTF-8. */
    private static boolean isLineOrParagraphSeparator(byte[] b, int i, int size) {
        return size == 3
                && (b[i] & 0xFF) == 0xE2
                && (b[i + 1] & 0xFF) == 0x80
                && ((b[i + 2] & 0xFF) == 0xA8 || (b[i + 2] & 0xFF) == 0xA9);
    }

    private static byte[] toBytes(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("a JSON byte string holds chars up to 0xFF, got U+" + Integer.toHexString(c));
            }
            b[i] = (byte) c;
        }
        return b;
    }

    /** Go's rules for what counts as one well-formed UTF-8 sequence. */
    static final class Utf8 {
        private Utf8() {}

        /**
         * The length (2 to 4) of the well-formed UTF-8 sequence of a non-ASCII rune starting at
         * {@code i}, or 0 when the bytes there are not one: a stray continuation byte, a lead
         * byte that can only start an overlong form ({@code C0}, {@code C1}) or a code point
         * beyond U+10FFFF ({@code F5}..{@code FF}), a sequence cut short, an overlong form, or a
         * UTF-16 surrogate. Go's decoder then consumes a single byte, and so does the caller.
         */
        @Mirrors(file = "unicode/utf8/utf8.go", func = "DecodeRune")
        static int validSequenceLength(byte[] b, int i) {
            int b0 = b[i] & 0xFF;
            int size;
            int lo = 0x80, hi = 0xBF; // the allowed range of the second byte
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                size = 2;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                size = 3;
                if (b0 == 0xE0) lo = 0xA0; // shorter forms are overlong
                if (b0 == 0xED) hi = 0x9F; // higher ones are surrogates
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                size = 4;
                if (b0 == 0xF0) lo = 0x90; // shorter forms are overlong
                if (b0 == 0xF4) hi = 0x8F; // higher ones exceed U+10FFFF
            } else {
                return 0;
            }
            if (i + size > b.length) return 0;
            int b1 = b[i + 1] & 0xFF;
            if (b1 < lo || b1 > hi) return 0;
            for (int k = 2; k < size; k++) {
                int bk = b[i + k] & 0xFF;
                if (bk < 0x80 || bk > 0xBF) return 0;
            }
            return size;
        }
    }
}
