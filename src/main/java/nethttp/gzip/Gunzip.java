package nethttp.gzip;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import nethttp.annotations.Mirrors;
import nethttp.transfer.ReaderStream;

/**
 * Decompresses a gzip stream as Go's {@code compress/gzip} reader does, with its error texts.
 *
 * <p>The input is a series of zero or more gzip members, each a header, deflate data and a
 * trailer (CRC-32 and length of the member's uncompressed bytes); their contents are read one
 * after the other. It ends cleanly only where a member ends and the input ends too. Everything
 * else is an error, and the first error is repeated by every later read:
 * <ul>
 *   <li>{@code unexpected EOF}: the input ends inside a member (header, data or trailer), or
 *       after fewer than ten bytes that could start another one;</li>
 *   <li>{@code gzip: invalid header}: a member does not start with the gzip magic and the
 *       deflate method, or its optional header CRC is wrong, or its file name or comment is
 *       longer than Go allows (511 bytes); bytes after the last member that do not form a
 *       header are this error too;</li>
 *   <li>{@code gzip: invalid checksum}: a trailer's CRC-32 or length does not match what was
 *       read;</li>
 *   <li>{@code flate: corrupt input before offset N}: the deflate data is malformed. The offset
 *       counts compressed bytes of the member's deflate data; Go's decoder and zlib (which
 *       {@link Inflater} uses) notice some malformations at different bytes, so N may differ
 *       from Go's.</li>
 * </ul>
 * A read error of the input itself is passed on as it is.
 *
 * <p>The JDK's {@code GZIPInputStream} is not used: it accepts bytes after the last member that
 * do not start another, and words its errors differently.
 */
@Mirrors(file = "compress/gzip/gunzip.go", func = "Reader")
public final class Gunzip extends ReaderStream {
    /** Go's {@code gzip.ErrHeader}. */
    static final String ERR_HEADER = "gzip: invalid header";
    /** Go's {@code gzip.ErrChecksum}. */
    static final String ERR_CHECKSUM = "gzip: invalid checksum";
    /** Go's {@code io.ErrUnexpectedEOF}. */
    static final String UNEXPECTED_EOF = "unexpected EOF";

    private static final int FLAG_HCRC = 1 << 1;
    private static final int FLAG_EXTRA = 1 << 2;
    private static final int FLAG_NAME = 1 << 3;
    private static final int FLAG_COMMENT = 1 << 4;
    /** Go reads a name or comment into a 512-byte buffer, terminator included. */
    private static final int MAX_STRING = 512;

    private final InputStream in;
    /** Compressed bytes read from {@code in}; those from {@code pos} to {@code lim} are not used yet. */
    private final byte[] buf = new byte[4096];
    private int pos;
    private int lim;

    private final Inflater inflater = new Inflater(true);
    private final CRC32 digest = new CRC32();
    private long size;
    private boolean started;
    private boolean done;
    private IOException err;

    public Gunzip(InputStream in) {
        this.in = in;
    }

    @Override
    @Mirrors(file = "compress/gzip/gunzip.go", func = "Reader.Read")
    public int read(byte[] b, int off, int len) throws IOException {
        if (err != null) throw err;
        if (done) return -1;
        if (len == 0) return 0;
        try {
            if (!started) {
                started = true;
                if (!readHeader()) return end();
            }
            while (true) {
                int n = inflate(b, off, len);
                if (n > 0) return n;
                readTrailer();
                if (!readHeader()) return end();
            }
        } catch (IOException e) {
            err = e;
            inflater.end();
            throw e;
        }
    }

    private int end() {
        done = true;
        inflater.end();
        return -1;
    }

    /**
     * Reads a member's header. Returns false when the input ends before its first byte: zero
     * members, or none after the last.
     */
    @Mirrors(file = "compress/gzip/gunzip.go", func = "Reader.readHeader")
    private boolean readHeader() throws IOException {
        byte[] h = new byte[10];
        int n = readFull(h, 0, 10);
        if (n == 0) return false;
        if (n < 10) throw unexpectedEOF();
        if ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b || h[2] != 8) throw new IOException(ERR_HEADER);
        int flags = h[3] & 0xff;
        digest.reset();
        digest.update(h, 0, 10);
        if ((flags & FLAG_EXTRA) != 0) {
            byte[] xlen = readFullOrFail(2);
            digest.update(xlen);
            digest.update(readFullOrFail((xlen[0] & 0xff) | (xlen[1] & 0xff) << 8));
        }
        if ((flags & FLAG_NAME) != 0) skipString();
        if ((flags & FLAG_COMMENT) != 0) skipString();
        if ((flags & FLAG_HCRC) != 0) {
            byte[] crc = readFullOrFail(2);
            int want = (crc[0] & 0xff) | (crc[1] & 0xff) << 8;
            if (want != ((int) digest.getValue() & 0xffff)) throw new IOException(ERR_HEADER);
        }
        digest.reset();
        size = 0;
        inflater.reset();
        return true;
    }

    /** Skips a zero-terminated name or comment, which the header checksum covers. */
    @Mirrors(file = "compress/gzip/gunzip.go", func = "Reader.readString")
    private void skipString() throws IOException {
        for (int i = 0; ; i++) {
            if (i >= MAX_STRING) throw new IOException(ERR_HEADER);
            int c = readByte();
            if (c < 0) throw unexpectedEOF();
            digest.update(c);
            if (c == 0) return;
        }
    }

    /** Checks the trailer of the member whose deflate data just ended. */
    private void readTrailer() throws IOException {
        byte[] t = readFullOrFail(8);
        long crc = le32(t, 0);
        long isize = le32(t, 4);
        if (crc != digest.getValue() || isize != (size & 0xffffffffL)) throw new IOException(ERR_CHECKSUM);
    }

    /**
     * Decompresses into {@code b}; returns how many bytes, or 0 when the member's deflate data
     * ended (the bytes after it are left in the buffer for the trailer).
     */
    private int inflate(byte[] b, int off, int len) throws IOException {
        while (true) {
            long before = inflater.getBytesRead();
            long written = inflater.getBytesWritten();
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                // As Go's decoder, hand out what was decoded before the bad spot, then fail.
                IOException c = corrupt(e);
                int decoded = (int) (inflater.getBytesWritten() - written);
                if (decoded <= 0) throw c;
                err = c;
                inflater.end();
                return decoded;
            }
            if (n > 0) {
                digest.update(b, off, n);
                size += n;
                return n;
            }
            if (inflater.finished()) {
                pos = lim - inflater.getRemaining();
                return 0;
            }
            if (inflater.needsDictionary()) throw corrupt(null); // raw deflate has no dictionary
            if (inflater.needsInput()) {
                if (pos == lim && fill() < 0) throw unexpectedEOF();
                inflater.setInput(buf, pos, lim - pos);
                pos = lim;
            } else if (inflater.getBytesRead() == before) {
                throw corrupt(null); // no output, no progress: never loop on bad data
            }
        }
    }

    @Mirrors(file = "compress/flate/inflate.go", func = "CorruptInputError")
    private IOException corrupt(DataFormatException cause) {
        IOException e = new IOException("flate: corrupt input before offset " + inflater.getBytesRead());
        if (cause != null) e.initCause(cause);
        return e;
    }

    /** Reads up to {@code n} bytes; returns how many, fewer only at the end of the input. */
    private int readFull(byte[] dst, int off, int n) throws IOException {
        int got = 0;
        while (got < n) {
            if (pos == lim && fill() < 0) break;
            int k = Math.min(n - got, lim - pos);
            System.arraycopy(buf, pos, dst, off + got, k);
            pos += k;
            got += k;
        }
        return got;
    }

    /** Exactly {@code n} bytes; the input ending first is {@code unexpected EOF}. */
    private byte[] readFullOrFail(int n) throws IOException {
        byte[] dst = new byte[n];
        if (readFull(dst, 0, n) < n) throw unexpectedEOF();
        return dst;
    }

    private int readByte() throws IOException {
        if (pos == lim && fill() < 0) return -1;
        return buf[pos++] & 0xff;
    }

    /** Refills the empty buffer; returns -1 at the end of the input. */
    private int fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) return -1;
        pos = 0;
        lim = n;
        return n;
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }

    private static IOException unexpectedEOF() {
        return new EOFException(UNEXPECTED_EOF);
    }

    @Override
    public void close() throws IOException {
        if (!done && err == null) {
            done = true;
            inflater.end();
        }
        in.close();
    }
}
