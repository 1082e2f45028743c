package nethttp.transfer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nethttp.core.Mirrors;

/**
 * Go's {@code %q} verb, for error texts that must read exactly as Go's do.
 *
 * <p>The input holds wire bytes one per char (ISO-8859-1). Go reads those bytes as UTF-8: a
 * printable character stays as it is (its bytes are copied through unchanged, so the result is
 * again one byte per char), a control or invisible character becomes an escape, and a byte that
 * is not part of valid UTF-8 becomes {@code \xNN}.
 */
final class GoQuote {
    private GoQuote() {}

    /** {@code fmt.Sprintf("%q", s)}. */
    @Mirrors(file = "strconv/quote.go", func = "Quote")
    static String quote(String s) {
        byte[] b = toBytes(s);
        StringBuilder out = new StringBuilder(b.length + 2).append('"');
        int i = 0;
        while (i < b.length) {
            int width = utf8Width(b, i);
            if (width == 0) {
                hex(out, "\\x", b[i] & 0xff, 2);
                i++;
                continue;
            }
            int rune = decode(b, i, width);
            if (rune == '"' || rune == '\\') {
                out.append('\\').append((char) rune);
            } else if (isPrint(rune)) {
                for (int k = i; k < i + width; k++) out.append((char) (b[k] & 0xff));
            } else {
                escape(out, rune);
            }
            i += width;
        }
        return out.append('"').toString();
    }

    /** {@code fmt.Sprintf("%q", list)}: {@code ["a" "b"]}. */
    static String quote(List<String> list) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) out.append(' ');
            out.append(quote(list.get(i)));
        }
        return out.append(']').toString();
    }

    private static byte[] toBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            // A char beyond one byte did not come off the wire; Go strings are UTF-8.
            if (s.charAt(i) > 0xff) return s.getBytes(StandardCharsets.UTF_8);
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void escape(StringBuilder out, int rune) {
        switch (rune) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (rune < ' ' || rune == 0x7f) hex(out, "\\x", rune, 2);
                else if (rune < 0x10000) hex(out, "\\u", rune, 4);
                else hex(out, "\\U", rune, 8);
            }
        }
    }

    private static void hex(StringBuilder out, String prefix, int v, int digits) {
        String h = Integer.toHexString(v);
        out.append(prefix).append("0".repeat(Math.max(0, digits - h.length()))).append(h);
    }

    /** The length of the valid UTF-8 sequence starting at {@code i}, or 0 when it is invalid. */
    private static int utf8Width(byte[] b, int i) {
        int c = b[i] & 0xff;
        if (c < 0x80) return 1;
        int width;
        int min;
        if (c >= 0xc2 && c <= 0xdf) {
            width = 2;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            width = 3;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            width = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + width > b.length) return 0;
        for (int k = 1; k < width; k++) {
            if ((b[i + k] & 0xc0) != 0x80) return 0;
        }
        int rune = decode(b, i, width);
        boolean surrogate = rune >= 0xd800 && rune <= 0xdfff;
        if (rune < min || rune > 0x10ffff || surrogate) return 0;
        return width;
    }

    private static int decode(byte[] b, int i, int width) {
        if (width == 1) return b[i] & 0xff;
        int rune = b[i] & (0x7f >> width);
        for (int k = 1; k < width; k++) rune = (rune << 6) | (b[i + k] & 0x3f);
        return rune;
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
    private static boolean isPrint(int rune) {
        if (rune == ' ') return true;
        return switch (Character.getType(rune)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
