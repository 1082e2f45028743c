package nethttp.exercises.alternatives;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/** Correct solutions to exercise 06. */
public final class BodyFramingAlternatives {
    private BodyFramingAlternatives() {}

    private static final Pattern BLANKS_AROUND = Pattern.compile("\\A[ \t\r\n]+|[ \t\r\n]+\\z");

    /** A regex to trim, streams to compare, BigInteger to read the number whatever its length. */
    public static final class RegexAndBigInteger {
        private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            List<String> trimmed = contentLengths.stream().map(v -> BLANKS_AROUND.matcher(v).replaceAll("")).toList();
            if (trimmed.stream().distinct().count() > 1) throw new IOException("conflicting Content-Length fields");
            if (isResponse && "HEAD".equals(requestMethod)) return 0;
            if (status / 100 == 1 || status == 204 || status == 304) return 0;
            if (chunked) return -1;
            String cl = trimmed.isEmpty() ? "" : trimmed.get(0);
            if (cl.isEmpty()) return isResponse ? -1 : 0;
            if (!cl.matches("[0-9]+")) throw new IOException("bad Content-Length " + cl);
            BigInteger n = new BigInteger(cl);
            if (n.compareTo(LONG_MAX) > 0) throw new IOException("bad Content-Length " + cl);
            return n.longValueExact();
        }
    }

    /** A loop that checks for overflow before it multiplies, with Math.multiplyExact and addExact. */
    public static final class ExactArithmetic {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            String first = null;
            for (String v : contentLengths) {
                String t = trim(v);
                if (first == null) first = t;
                else if (!first.equals(t)) throw new IOException("conflicting Content-Length fields");
            }
            if (isResponse && requestMethod.equals("HEAD")) return 0;
            if ((status >= 100 && status < 200) || status == 204 || status == 304) return 0;
            if (chunked) return -1;
            if (first == null || first.isEmpty()) return isResponse ? -1 : 0;
            long n = 0;
            try {
                for (int i = 0; i < first.length(); i++) {
                    char c = first.charAt(i);
                    if (c < '0' || c > '9') throw new IOException("bad Content-Length");
                    n = Math.addExact(Math.multiplyExact(n, 10), c - '0');
                }
            } catch (ArithmeticException e) {
                throw new IOException("bad Content-Length", e);
            }
            return n;
        }

        private static String trim(String s) {
            int a = 0, b = s.length();
            while (a < b && isBlank(s.charAt(a))) a++;
            while (b > a && isBlank(s.charAt(b - 1))) b--;
            return s.substring(a, b);
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }
    }
}
