package nethttp.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.textproto.BufioReader;
import nethttp.transfer.ChunkedReader;
import nethttp.wire.ReadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parsers under random and mutated input: whatever the bytes, reading requests (and their
 * bodies) and decoding chunks either succeeds or fails with one of the project's typed errors, a
 * {@link ProtocolException} (or subclass) or an {@link EOFException}; it never throws anything
 * else, never reads more than it was given, and never loops. {@code @Timeout} is only a hang guard.
 */
@Timeout(60)
class ParserFuzzTest {
    private static final int EXAMPLES = 3000;

    @Test
    void randomBytesAsRequests() {
        qt().withExamples(EXAMPLES).forAll(Mutations.randomBytes(300)).checkAssert(ParserFuzzTest::readAllRequests);
    }

    @Test
    void mutatedRequests() {
        qt().withExamples(EXAMPLES).forAll(Mutations.mutated(Mutations.VALID_REQUESTS)).checkAssert(ParserFuzzTest::readAllRequests);
    }

    @Test
    void randomBytesAsChunks() {
        qt().withExamples(EXAMPLES).forAll(Mutations.randomBytes(200)).checkAssert(ParserFuzzTest::decodeChunks);
    }

    @Test
    void mutatedChunks() {
        qt().withExamples(EXAMPLES).forAll(Mutations.mutated(Mutations.VALID_CHUNKED)).checkAssert(ParserFuzzTest::decodeChunks);
    }

    /** The unmutated inputs parse: the fuzzers start from messages that are really valid. */
    @Test
    void seedsAreValid() throws IOException {
        for (String s : Mutations.VALID_REQUESTS) {
            BufioReader r = reader(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            Request req = ReadRequest.readRequest(r);
            if (req.body != null) req.body.readAllBytes();
        }
        for (String s : Mutations.VALID_CHUNKED) {
            new ChunkedReader(reader(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).readAllBytes();
        }
    }

    /** Reads requests, and each one's body, until the input is used up or an error ends it. */
    static void readAllRequests(byte[] input) {
        CountingInput in = new CountingInput(input);
        BufioReader r = new BufioReader(in, 64); // a small buffer: pieces of lines meet the edges
        try {
            for (int i = 0; i <= input.length; i++) { // each request takes at least one byte
                Request req = ReadRequest.readRequest(r);
                if (req.body != null) drain(req.body, input.length);
            }
            fail("more requests than bytes in " + show(input));
        } catch (ProtocolException | EOFException typed) {
            // the expected ways for bad or finished input to end
        } catch (Throwable other) {
            throw new AssertionError("untyped " + other + " for " + show(input), other);
        }
        assertTrue(in.served <= input.length);
    }

    static void decodeChunks(byte[] input) {
        ChunkedReader c = new ChunkedReader(new BufioReader(new CountingInput(input), 64));
        try {
            long got = drain(c, input.length);
            assertTrue(got <= input.length, "decoded more than the input held");
        } catch (ProtocolException | EOFException typed) {
            // expected for bad input
        } catch (Throwable other) {
            throw new AssertionError("untyped " + other + " for " + show(input), other);
        }
    }

    /** Reads a body to its end; a body cannot be longer than the bytes that carry it. */
    static long drain(InputStream body, int limit) throws IOException {
        byte[] buf = new byte[37];
        long total = 0;
        int zeroReads = 0;
        for (int n; (n = body.read(buf, 0, buf.length)) != -1; ) {
            total += n;
            if (n == 0 && ++zeroReads > 1000) throw new AssertionError("read returns 0 forever");
            if (total > limit) throw new AssertionError("body longer than its input");
        }
        return total;
    }

    static BufioReader reader(byte[] b) {
        return new BufioReader(new ByteArrayInputStream(b), 64);
    }

    static String show(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\r') sb.append("\\r");
            else if (c == '\n') sb.append("\\n");
            else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c));
            else sb.append((char) c);
        }
        return sb.append('"').toString();
    }

    /** A byte-array stream that counts what it handed out. */
    static final class CountingInput extends ByteArrayInputStream {
        int served;

        CountingInput(byte[] b) {
            super(b);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) served += n;
            return n;
        }

        @Override
        public synchronized int read() {
            int c = super.read();
            if (c >= 0) served++;
            return c;
        }
    }
}
