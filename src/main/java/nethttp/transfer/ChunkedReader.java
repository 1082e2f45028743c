package nethttp.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import nethttp.annotations.Mirrors;
import nethttp.core.ProtocolException;
import nethttp.core.UnexpectedEOFException;
import nethttp.textproto.BufioReader;

/**
 * Decodes the chunked transfer coding: a series of {@code size-in-hex CRLF data CRLF} chunks
 * ended by a chunk of size zero.
 *
 * <p>Reading stops right after the line of the last chunk ({@code 0\r\n}). What follows, the
 * trailer fields and the blank line that ends the message, is left in the {@link BufioReader}
 * for {@link Body} to read.
 *
 * <p>A read returns as soon as it has some data rather than wait for the network to bring the
 * next chunk header, so a handler sees each chunk when it arrives.
 *
 * <p>Errors are sticky: once the encoding is found broken, every later read fails the same way.
 * A read that finds an error after copying some data returns the data, and the next read
 * reports the error. Texts are Go's: {@code "invalid byte in chunk length"},
 * {@code "http chunk length too large"}, {@code "header line too long"},
 * {@code "malformed chunked encoding"}; a stream that ends inside the encoding gives
 * {@link UnexpectedEOFException}.
 *
 * <p>Not thread-safe; {@link Body} serialises access.
 */
@Mirrors(file = "net/http/internal/chunked.go", func = "chunkedReader")
public final class ChunkedReader extends ReaderStream {
    /** The longest chunk-size line accepted, line ending included, minus one. */
    static final int MAX_LINE_LENGTH = 4096;

    private final BufioReader r;
    /** Unread bytes of the current chunk, unsigned: a size line may announce up to 2^64-1. */
    private long n;
    /** The data of a chunk was read; its CRLF is next. */
    private boolean checkEnd;
    /** The last chunk was seen. */
    private boolean eof;
    /** The error that ended decoding, reported by every later read. */
    private IOException err;

    @Mirrors(file = "net/http/internal/chunked.go", func = "NewChunkedReader")
    public ChunkedReader(BufioReader r) {
        this.r = r;
    }

    /** Whether the last chunk was read: the next read reports the end of the stream. */
    public boolean reachedEnd() {
        return eof;
    }

    // tag::chunked-read[]
    @Override
    @Mirrors(file = "net/http/internal/chunked.go", func = "chunkedReader.Read")
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) return 0;
        int total = 0;
        try {
            while (!eof && err == null) {
                if (checkEnd) {
                    // don't wait for the CRLF with data in hand
                    if (total > 0 && r.buffered() < 2) break;
                    readChunkEnd();
                    checkEnd = false;
                }
                if (n == 0) {
                    if (total > 0 && !chunkHeaderAvailable()) break;
                    beginChunk();
                    continue;
                }
                if (total == len) break;
                int want = Long.compareUnsigned(len - total, n) > 0
                        ? (int) n : len - total;
                int got = r.read(b, off + total, want);
                if (got < 0) throw new UnexpectedEOFException();
                total += got;
                n -= got;
                if (n == 0) checkEnd = true;
            }
        } catch (IOException e) {
            err = e;
        }
        if (total > 0) return total;
        if (err != null) throw err;
        return -1;
    }
    // end::chunked-read[]

    /** Reads the CRLF that must follow a chunk's data. */
    private void readChunkEnd() throws IOException {
        int a = r.read();
        int b = a < 0 ? -1 : r.read();
        if (b < 0) throw new UnexpectedEOFException();
        if (a != '\r' || b != '\n') throw new ProtocolException("malformed chunked encoding");
    }

    /** Reads a chunk-size line; a size of zero marks the last chunk. */
    @Mirrors(file = "net/http/internal/chunked.go", func = "chunkedReader.beginChunk")
    private void beginChunk() throws IOException {
        byte[] line = readChunkLine();
        n = parseHexUint(line);
        if (n == 0) eof = true;
    }

    /** Whether a whole line is already buffered, so a chunk header can be read without waiting. */
    @Mirrors(file = "net/http/internal/chunked.go", func = "chunkedReader.chunkHeaderAvailable")
    private boolean chunkHeaderAvailable() {
        // Asked once per chunk: a copy of the whole buffer here (as peek would make) made decoding
        // small chunks cost time in proportion to the buffer's size.
        return r.indexOfBuffered((byte) '\n') >= 0;
    }

    /**
     * Reads a line up to and including {@code \n}, trims trailing blanks and drops any chunk
     * extension ({@code ;name=value}), which HTTP lets a receiver ignore.
     */
    @Mirrors(file = "net/http/internal/chunked.go", func = "readChunkLine")
    private byte[] readChunkLine() throws IOException {
        byte[] p;
        try {
            p = r.readSlice((byte) '\n');
        } catch (EOFException e) {
            throw new UnexpectedEOFException(); // a line was due: the message was cut short
        } catch (BufioReader.BufferFullException e) {
            throw new ProtocolException("header line too long");
        }
        if (p.length >= MAX_LINE_LENGTH) throw new ProtocolException("header line too long");
        return removeChunkExtension(trimTrailingWhitespace(p));
    }

    private static byte[] trimTrailingWhitespace(byte[] b) {
        int end = b.length;
        while (end > 0 && isASCIISpace(b[end - 1])) end--;
        return Arrays.copyOf(b, end);
    }

    private static boolean isASCIISpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Cuts the line at the first {@code ;}; the extension's syntax is not checked. */
    @Mirrors(file = "net/http/internal/chunked.go", func = "removeChunkExtension")
    static byte[] removeChunkExtension(byte[] p) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] == ';') return Arrays.copyOf(p, i);
        }
        return p;
    }

    /**
     * Parses a chunk size: hex digits of either case, nothing else, at most 16 of them (leading
     * zeros count). The result is unsigned. An empty size parses as zero, which makes an empty
     * line read as the last chunk.
     */
    @Mirrors(file = "net/http/internal/chunked.go", func = "parseHexUint")
    static long parseHexUint(byte[] v) throws ProtocolException {
        long n = 0;
        for (int i = 0; i < v.length; i++) {
            int digit = hexValue(v[i]);
            if (digit < 0) throw new ProtocolException("invalid byte in chunk length");
            if (i == 16) throw new ProtocolException("http chunk length too large");
            n = (n << 4) | digit;
        }
        return n;
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
