package nethttp.exercises.chaffs;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/** Wrong solutions to exercise 05. */
public final class ChunkedChaffs {
    private ChunkedChaffs() {}

    /** A decoder with the mistakes switched on or off; correct when all are off. */
    private static String decode(String wire, int radix, boolean checkCrlf, boolean stripExtension) throws IOException {
        StringBuilder data = new StringBuilder();
        int pos = 0;
        while (true) {
            int nl = wire.indexOf('\n', pos);
            if (nl < 0) throw new EOFException("unexpected end of chunked body");
            String size = wire.substring(pos, nl + 1);
            pos = nl + 1;
            size = size.stripTrailing();
            if (stripExtension && size.indexOf(';') >= 0) size = size.substring(0, size.indexOf(';'));
            long n = 0;
            if (size.length() > 16) throw new IOException("http chunk length too large");
            for (char c : size.toCharArray()) {
                int d = Character.digit(c, radix);
                if (d < 0 || c > 'f') throw new IOException("invalid byte in chunk length");
                n = n * radix + d;
            }
            if (n == 0) return data.toString();
            if (pos + n + 2 > wire.length()) throw new EOFException("unexpected end of chunked body");
            data.append(wire, pos, (int) (pos + n));
            pos += (int) n;
            if (checkCrlf && !wire.startsWith("\r\n", pos)) throw new IOException("malformed chunked encoding");
            pos += 2;
        }
    }

    private static String encode(List<String> writes, int radix, boolean skipEmpty) {
        StringBuilder out = new StringBuilder();
        for (String w : writes) {
            if (skipEmpty && w.isEmpty()) continue;
            out.append(Integer.toString(w.length(), radix)).append("\r\n").append(w).append("\r\n");
        }
        return out.append("0\r\n").toString();
    }

    /** Writes and reads the chunk size in decimal: consistent with itself, wrong on the wire. */
    public static final class DecimalSize {
        public static String encode(List<String> writes) {
            return ChunkedChaffs.encode(writes, 10, true);
        }

        public static String decode(String wire) throws IOException {
            return ChunkedChaffs.decode(wire, 10, true, true);
        }
    }

    /** Sends an empty write as a chunk of size 0, which tells the peer the body has ended. */
    public static final class EmptyChunkForEmptyWrite {
        public static String encode(List<String> writes) {
            return ChunkedChaffs.encode(writes, 16, false);
        }

        public static String decode(String wire) throws IOException {
            return ChunkedChaffs.decode(wire, 16, true, true);
        }
    }

    /** Skips the two bytes after a chunk's data without checking they are CRLF. */
    public static final class UncheckedCrlf {
        public static String encode(List<String> writes) {
            return ChunkedChaffs.encode(writes, 16, true);
        }

        public static String decode(String wire) throws IOException {
            return ChunkedChaffs.decode(wire, 16, false, true);
        }
    }

    /** Does not know chunk extensions, so "5;name=value" is refused. */
    public static final class NoExtensions {
        public static String encode(List<String> writes) {
            return ChunkedChaffs.encode(writes, 16, true);
        }

        public static String decode(String wire) throws IOException {
            return ChunkedChaffs.decode(wire, 16, true, false);
        }
    }

    /** How a student's decoder below reads one size line (without its line ending) into a size. */
    private interface SizeParser {
        long size(String line) throws IOException;
    }

    /**
     * A decoder as a student writes it: find the end of the size line ({@code eol}), refuse a line
     * of {@code maxLine} bytes or more, parse the size, copy the data, check the CRLF. Each chaff
     * below gets one of these choices wrong.
     */
    private static String studentDecode(String wire, String eol, int maxLine, SizeParser parser) throws IOException {
        StringBuilder data = new StringBuilder();
        int pos = 0;
        while (true) {
            int end = wire.indexOf(eol, pos);
            if (end < 0) throw new EOFException("unexpected end of chunked body");
            if (end + eol.length() - pos >= maxLine) throw new IOException("header line too long");
            long n = parser.size(wire.substring(pos, end));
            pos = end + eol.length();
            if (n == 0) return data.toString();
            if (n < 0 || n > wire.length() - pos) throw new EOFException("unexpected end of chunked body");
            data.append(wire, pos, pos + (int) n);
            pos += (int) n;
            if (!wire.startsWith("\r\n", pos)) throw new IOException("malformed chunked encoding");
            pos += 2;
        }
    }

    /** Right: trailing blanks off, the extension cut, 1 to 16 hex digits (none reads as 0). */
    private static long strictHex(String line, boolean limitDigits) throws IOException {
        int end = line.length();
        while (end > 0 && " \t\r".indexOf(line.charAt(end - 1)) >= 0) end--;
        String s = line.substring(0, end);
        int semi = s.indexOf(';');
        if (semi >= 0) s = s.substring(0, semi);
        if (limitDigits && s.length() > 16) throw new IOException("http chunk length too large");
        long n = 0;
        for (char c : s.toCharArray()) {
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') throw new IOException("invalid byte in chunk length");
            n = n * 16 + d;
        }
        return n;
    }

    private static String studentEncode(List<String> writes) {
        return ChunkedChaffs.encode(writes, 16, true);
    }

    /** Reads any number of hex digits into a long, which wraps: "10000000000000005" reads as 5. */
    public static final class HexLoopNoDigitLimit {
        public static String encode(List<String> writes) {
            return studentEncode(writes);
        }

        public static String decode(String wire) throws IOException {
            return studentDecode(wire, "\n", 4096, line -> strictHex(line, false));
        }
    }

    /** trim() on both sides of the extension: leading blanks, "5 ;x", \v, \f and NUL all pass. */
    public static final class TrimsSizeLine {
        public static String encode(List<String> writes) {
            return studentEncode(writes);
        }

        public static String decode(String wire) throws IOException {
            return studentDecode(wire, "\n", 4096, line -> {
                String s = line.trim();
                if (s.contains(";")) s = s.substring(0, s.indexOf(';')).trim();
                return strictHex(s, true);
            });
        }
    }

    /** Long.parseLong(size, 16): takes "+5" and "-0", and 17 digits with leading zeros. */
    public static final class ParseLongHex {
        public static String encode(List<String> writes) {
            return studentEncode(writes);
        }

        public static String decode(String wire) throws IOException {
            return studentDecode(wire, "\n", 4096, line -> {
                String s = line.stripTrailing();
                if (s.contains(";")) s = s.substring(0, s.indexOf(';'));
                if (s.isEmpty()) return 0;
                try {
                    return Long.parseLong(s, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("invalid byte in chunk length");
                }
            });
        }
    }

    /** Looks for "\r\n" to end a size line, so a bare LF, which the library accepts, breaks it. */
    public static final class SizeLineNeedsCrlf {
        public static String encode(List<String> writes) {
            return studentEncode(writes);
        }

        public static String decode(String wire) throws IOException {
            return studentDecode(wire, "\r\n", 4096, line -> strictHex(line, true));
        }
    }

    /** Refuses an empty size line, which the library reads as the last chunk. */
    public static final class RejectsEmptySizeLine {
        public static String encode(List<String> writes) {
            return studentEncode(writes);
        }

        public static String decode(String wire) throws IOException {
            return studentDecode(wire, "\n", 4096, line -> {
                if (line.strip().isEmpty()) throw new IOException("missing chunk size");
                return strictHex(line, true);
            });
        }
    }

    /** No cap on the size line's length: a size followed by 5000 blanks is read. */
    public static final class NoLineCap {
        public static String encode(List<String> writes) {
            return studentEncode(writes);
        }

        public static String decode(String wire) throws IOException {
            return studentDecode(wire, "\n", Integer.MAX_VALUE, line -> strictHex(line, true));
        }
    }
}
