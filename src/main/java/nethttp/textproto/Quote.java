package nethttp.textproto;

import java.util.List;
import nethttp.annotations.Mirrors;

/**
 * Go's {@code strconv.Quote}: a string in double quotes with Go escapes, the form Go's error
 * messages use ({@code %q}) to show the bytes that offended, for example
 * {@code malformed HTTP request "GET"}.
 *
 * <p>The input is a wire string (one {@code char} per byte). Bytes that form valid UTF-8 are
 * decoded into code points; printable ones are copied as their original bytes, others become
 * {@code \n}, {@code \x01}, {@code \u00a0} and so on; bytes that are not valid UTF-8 become
 * {@code \xNN}. So the message shows exactly what Go's would.
 */
@Mirrors(file = "strconv/quote.go", func = "Quote")
public final class Quote {
    private Quote() {}

    private static final String HEX = "0123456789abcdef";

    /** Returns {@code s} quoted as Go's {@code strconv.Quote} would. */
    @Mirrors(file = "strconv/quote.go", func = "Quote")
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        int i = 0;
        while (i < s.length()) {
            int width = Utf8.width(s, i);
            if (width == 0) {
                hexByte(out, s.charAt(i));
                i++;
                continue;
            }
            int rune = Utf8.decode(s, i, width);
            escapeRune(out, rune, s.substring(i, i + width));
            i += width;
        }
        return out.append('"').toString();
    }

    /** A list as Go's {@code fmt.Sprintf("%q", list)} prints it: {@code ["a" "b"]}. */
    public static String quote(List<String> list) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) out.append(' ');
            out.append(quote(list.get(i)));
        }
        return out.append(']').toString();
    }

    private static void escapeRune(StringBuilder out, int rune, String bytes) {
        if (rune == '"' || rune == '\\') {
            out.append('\\').append((char) rune);
        } else if (isPrint(rune)) {
            out.append(bytes);
        } else {
            switch (rune) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (rune < ' ' || rune == 0x7f) hexByte(out, rune);
                    else if (rune < 0x10000) out.append("\\u").append(hex(rune, 4));
                    else out.append("\\U").append(hex(rune, 8));
                }
            }
        }
    }

    private static void hexByte(StringBuilder out, int b) {
        out.append("\\x").append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
    }

    private static String hex(int v, int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) sb.append(HEX.charAt((v >> shift) & 0xf));
        return sb.toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
    private static boolean isPrint(int rune) {
        if (rune < 0x80) return rune >= 0x20 && rune < 0x7f;
        return switch (Character.getType(rune)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** The strict UTF-8 decoding Go's {@code utf8.DecodeRuneInString} does, over wire strings. */
    private static final class Utf8 {
        /** The length of the valid UTF-8 sequence at {@code i}, or 0 when it is not valid. */
        static int width(String s, int i) {
            int b0 = s.charAt(i) & 0xff;
            if (b0 < 0x80) return 1;
            int n;
            int lo = 0x80, hi = 0xbf;
            if (b0 >= 0xc2 && b0 <= 0xdf) n = 2;
            else if (b0 >= 0xe0 && b0 <= 0xef) {
                n = 3;
                if (b0 == 0xe0) lo = 0xa0; // no overlong forms
                if (b0 == 0xed) hi = 0x9f; // no surrogates
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                n = 4;
                if (b0 == 0xf0) lo = 0x90;
                if (b0 == 0xf4) hi = 0x8f; // nothing above U+10FFFF
            } else return 0;
            if (i + n > s.length()) return 0;
            int b1 = s.charAt(i + 1) & 0xff;
            if (b1 < lo || b1 > hi) return 0;
            for (int k = 2; k < n; k++) {
                int b = s.charAt(i + k) & 0xff;
                if (b < 0x80 || b > 0xbf) return 0;
            }
            return n;
        }

        static int decode(String s, int i, int width) {
            int b0 = s.charAt(i) & 0xff;
            if (width == 1) return b0;
            int rune = b0 & (0x7f >> width);
            for (int k = 1; k < width; k++) rune = (rune << 6) | (s.charAt(i + k) & 0x3f);
            return rune;
        }
    }
}
