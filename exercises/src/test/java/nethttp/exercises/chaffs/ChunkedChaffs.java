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
}
