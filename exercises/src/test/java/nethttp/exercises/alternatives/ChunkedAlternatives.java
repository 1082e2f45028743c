package nethttp.exercises.alternatives;

import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Correct solutions to exercise 05. */
public final class ChunkedAlternatives {
    private ChunkedAlternatives() {}

    /** Streams to encode; a regex and BigInteger to read a size line. */
    public static final class RegexAndBigInteger {
        /** Up to 16 hex digits, then anything from a ';' on, then blanks; \z, not $, which would allow a line break. */
        private static final Pattern SIZE_LINE = Pattern.compile("([0-9a-fA-F]{0,16})(;[^\n]*)?", Pattern.DOTALL);
        private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

        public static String encode(List<String> writes) {
            return writes.stream().filter(w -> !w.isEmpty())
                    .map(w -> Integer.toHexString(w.length()) + "\r\n" + w + "\r\n")
                    .collect(Collectors.joining("", "", "0\r\n"));
        }

        public static String decode(String wire) throws IOException {
            StringBuilder data = new StringBuilder();
            int pos = 0;
            while (true) {
                int nl = wire.indexOf('\n', pos);
                if (nl < 0) throw new EOFException("unexpected end of chunked body");
                if (nl + 1 - pos >= 4096) throw new IOException("header line too long");
                String line = wire.substring(pos, nl).replaceFirst("[ \t\r]+\\z", "");
                pos = nl + 1;
                Matcher m = SIZE_LINE.matcher(line);
                if (!m.matches()) throw new IOException("bad chunk size line");
                BigInteger size = m.group(1).isEmpty() ? BigInteger.ZERO : new BigInteger(m.group(1), 16);
                if (size.signum() == 0) return data.toString();
                if (size.compareTo(MAX_INT) > 0 || size.intValue() > wire.length() - pos) {
                    throw new EOFException("unexpected end of chunked body");
                }
                int n = size.intValue();
                data.append(wire, pos, pos + n);
                pos += n;
                if (!wire.startsWith("\r\n", pos)) throw new IOException("malformed chunked encoding");
                pos += 2;
            }
        }
    }

    /** A StringBuilder encoder; a decoder that walks the bytes with an index, as a parser in C would. */
    public static final class ByteWalker {
        public static String encode(List<String> writes) {
            StringBuilder out = new StringBuilder();
            for (String w : writes) {
                if (w.isEmpty()) continue;
                out.append(Integer.toHexString(w.length())).append("\r\n").append(w).append("\r\n");
            }
            return out.append("0\r\n").toString();
        }

        public static String decode(String wire) throws IOException {
            StringBuilder data = new StringBuilder();
            int i = 0;
            while (true) {
                int start = i;
                while (i < wire.length() && wire.charAt(i) != '\n') i++;
                if (i == wire.length()) throw new EOFException("unexpected end of chunked body");
                if (i + 1 - start >= 4096) throw new IOException("header line too long");
                int end = i;
                i++;
                while (end > start && (wire.charAt(end - 1) == ' ' || wire.charAt(end - 1) == '\t'
                        || wire.charAt(end - 1) == '\r')) {
                    end--;
                }
                long n = 0;
                int digits = 0;
                for (int j = start; j < end && wire.charAt(j) != ';'; j++) {
                    char c = wire.charAt(j);
                    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                            : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (d < 0) throw new IOException("invalid byte in chunk length");
                    if (++digits > 16) throw new IOException("http chunk length too large");
                    n = (n << 4) | d;
                }
                if (n == 0) return data.toString();
                if (Long.compareUnsigned(n, wire.length() - i) > 0) throw new EOFException("unexpected end of chunked body");
                data.append(wire, i, i + (int) n);
                i += (int) n;
                if (!wire.startsWith("\r\n", i)) throw new IOException("malformed chunked encoding");
                i += 2;
            }
        }
    }
}
