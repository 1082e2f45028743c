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
}
