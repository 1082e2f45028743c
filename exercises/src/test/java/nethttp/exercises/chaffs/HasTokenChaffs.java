package nethttp.exercises.chaffs;

import java.util.Locale;

/** Wrong solutions to exercise 08. */
public final class HasTokenChaffs {
    private HasTokenChaffs() {}

    /** Any occurrence counts, so "closed" holds "close". */
    public static final class Contains {
        public static boolean hasToken(String v, String token) {
            return v.toLowerCase(Locale.ROOT).contains(token);
        }
    }

    /** Splits and trims well, but compares case-sensitively. */
    public static final class CaseSensitive {
        public static boolean hasToken(String v, String token) {
            for (String e : v.split("[ ,\t]")) if (e.equals(token)) return true;
            return false;
        }
    }

    /** Splits at commas without trimming, so " close" is missed. */
    public static final class NoTrim {
        public static boolean hasToken(String v, String token) {
            for (String e : v.split(",")) if (e.equalsIgnoreCase(token)) return true;
            return false;
        }
    }

    /** Looks at the first occurrence only and gives up when it is part of a longer word. */
    public static final class FirstOccurrenceOnly {
        public static boolean hasToken(String v, String token) {
            int at = v.toLowerCase(Locale.ROOT).indexOf(token);
            if (at < 0) return false;
            int end = at + token.length();
            boolean startOk = at == 0 || " ,\t".indexOf(v.charAt(at - 1)) >= 0;
            boolean endOk = end == v.length() || " ,\t".indexOf(v.charAt(end)) >= 0;
            return startOk && endOk;
        }
    }

    /** Splits at commas and any whitespace: "close\r" and "close\u000b" are found. */
    public static final class SplitOnCommaOrWhitespace {
        public static boolean hasToken(String v, String token) {
            for (String e : v.split("[,\\s]+")) if (e.equalsIgnoreCase(token)) return true;
            return false;
        }
    }

    /** Takes Character.isWhitespace or a comma for a boundary, so \v, \f, CR and LF are boundaries too. */
    public static final class IsWhitespaceBoundary {
        public static boolean hasToken(String v, String token) {
            String lower = v.toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(token); at >= 0; at = lower.indexOf(token, at + 1)) {
                int end = at + token.length();
                boolean before = at == 0 || Character.isWhitespace(v.charAt(at - 1)) || v.charAt(at - 1) == ',';
                boolean after = end == v.length() || Character.isWhitespace(v.charAt(end)) || v.charAt(end) == ',';
                if (before && after) return true;
            }
            return false;
        }
    }

    /** Comma-separated elements, trimmed: misses "keep-alive close", where a space separates the words. */
    public static final class CommaListOnly {
        public static boolean hasToken(String v, String token) {
            for (String e : v.split(",")) if (e.trim().equalsIgnoreCase(token)) return true;
            return false;
        }
    }

    /** A regex whose $ also matches before a final line break, so "close\n" is found. */
    public static final class RegexWithDollar {
        public static boolean hasToken(String v, String token) {
            return java.util.regex.Pattern.compile("(^|[ ,\t])" + java.util.regex.Pattern.quote(token) + "($|[ ,\t])",
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(v).find();
        }
    }
}
