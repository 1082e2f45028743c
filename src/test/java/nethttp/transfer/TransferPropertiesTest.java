package nethttp.transfer;

import static nethttp.transfer.Streams.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import nethttp.core.ProtocolException;
import nethttp.textproto.BufioReader;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class TransferPropertiesTest {
    private static final long MAX = Body.MAX_POST_HANDLER_READ_BYTES;

    private static Gen<byte[]> data(int maxLength) {
        return Generate.byteArrays(integers().between(0, maxLength), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    private static Gen<List<Integer>> sizes(int max) {
        return lists().of(integers().between(0, max)).ofSizeBetween(1, 20);
    }

    /**
     * Writes {@code data} in pieces of the given sizes, cycling through them; zero sizes make
     * empty writes, which must send nothing. Ends with the last chunk and an empty trailer.
     */
    private static byte[] encode(byte[] data, List<Integer> pieces) {
        try {
            var out = new ByteArrayOutputStream();
            var w = new ChunkedWriter(out);
            boolean progress = pieces.stream().anyMatch(p -> p > 0);
            int off = 0;
            for (int turn = 0; progress && off < data.length; turn++) {
                int n = Math.min(pieces.get(turn % pieces.size()), data.length - off);
                w.write(data, off, n);
                off += n;
            }
            w.write(data, off, data.length - off);
            w.close();
            out.write(bytes("\r\n"));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] toArray(List<Integer> sizes) {
        return sizes.stream().mapToInt(i -> Math.max(1, i)).toArray();
    }

    @Test
    void chunkedEncodeThenDecodeGivesBackTheData() {
        qt().forAll(data(3000), sizes(400)).checkAssert((data, pieces) -> {
            byte[] wire = encode(data, pieces);
            try {
                var r = new ChunkedReader(new BufioReader(new ByteArrayInputStream(wire)));
                assertArrayEquals(data, r.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void decodingDoesNotDependOnHowTheInputArrives() {
        qt().forAll(data(3000), sizes(300), sizes(200), integers().between(16, 600))
                .checkAssert((data, pieces, arrivals, bufferSize) -> {
                    byte[] wire = encode(data, pieces);
                    try {
                        var tail = bytes("NEXT");
                        byte[] withNext = new byte[wire.length + tail.length];
                        System.arraycopy(wire, 0, withNext, 0, wire.length);
                        System.arraycopy(tail, 0, withNext, wire.length, tail.length);
                        var br = new BufioReader(new Streams.Trickle(withNext, toArray(arrivals)), bufferSize);
                        List<nethttp.core.Header> trailers = new java.util.ArrayList<>();
                        Body body = Body.chunked(br, trailers::add, false);
                        int step = 1 + arrivals.get(0) % 97;
                        assertArrayEquals(data, Streams.readAllInSteps(body, step));
                        assertFalse(body.bodyRemains());
                        assertEquals("NEXT", Streams.readAll(br));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** The rule, stated plainly: blanks around digits, nothing else, at most 2^63-1. */
    private static Object contentLengthModel(String s) {
        String t = s.replaceAll("^[ \t\r\n]+|[ \t\r\n]+$", "");
        if (t.isEmpty()) return -1L;
        if (!t.matches("[0-9]+") || new BigInteger(t).bitLength() > 63) return "bad Content-Length " + nethttp.textproto.Quote.quote(t);
        return new BigInteger(t).longValueExact();
    }

    @Test
    void contentLengthParsingAgreesWithTheModel() {
        Gen<String> symbols = Generate.pick(List.of("0", "1", "7", "9", "9", " ", "\t", "\r", "\n", "+", "-", "a", "x", "\u00b2", "_"));
        Gen<String> values = lists().of(symbols).ofSizeBetween(0, 24).map(l -> String.join("", l));
        Gen<String> longDigits = lists().of(Generate.pick(List.of("0", "1", "5", "9"))).ofSizeBetween(15, 22)
                .map(l -> String.join("", l));
        qt().forAll(Generate.oneOf(values, longDigits)).checkAssert(s -> {
            Object want = contentLengthModel(s);
            if (want instanceof Long n) {
                try {
                    assertEquals(n, Transfer.parseContentLength(s), s);
                } catch (ProtocolException e) {
                    throw new AssertionError(s, e);
                }
            } else {
                var e = assertThrows(ProtocolException.class, () -> Transfer.parseContentLength(s), s);
                assertEquals(want, e.getMessage());
            }
        });
    }

    @Test
    void earlyCloseDiscardsExactlyUpToTheLimit() {
        qt().withExamples(60)
                .forAll(Generate.longRange(0, 2 * MAX + 2), integers().between(0, 1000), Generate.booleans())
                .checkAssert((length, alreadyRead, nearLimit) -> {
                    // Half the cases leave MAX-1, MAX or MAX+1 bytes unread, where the rules turn.
                    long len = nearLimit ? alreadyRead + MAX - 1 + length % 3 : Math.max(length, alreadyRead);
                    int k = alreadyRead;
                    try {
                        var wire = new BufioReader(new BodyTest.CountingInput(len + 4));
                        Body b = Body.ofLength(wire, len, false);
                        b.setDoEarlyClose(true);
                        b.readNBytes(k);
                        b.close();
                        long remaining = len - k;
                        long discarded = remaining > MAX ? 0 : remaining;
                        boolean gaveUp = remaining >= MAX;
                        assertEquals(gaveUp, b.didEarlyClose(), "len " + len + " read " + k);
                        long left = wire.transferTo(java.io.OutputStream.nullOutputStream());
                        assertEquals(len + 4 - k - discarded, left, "bytes left on the connection");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Test
    void earlyCloseOfAChunkedBodyGivesUpExactlyAtTheLimit() {
        qt().withExamples(40)
                .forAll(integers().between(0, (int) (2 * MAX)), integers().between(1, 70_000), Generate.booleans())
                .checkAssert((length, chunk, nearLimit) -> {
                    int len = nearLimit ? (int) MAX - 1 + chunk % 3 : length;
                    byte[] data = new byte[len];
                    byte[] wire = encode(data, List.of(chunk));
                    try {
                        var in = new ByteArrayOutputStream();
                        in.write(wire);
                        in.write(bytes("NEXT"));
                        var br = new BufioReader(new ByteArrayInputStream(in.toByteArray()));
                        Body b = Body.chunked(br, h -> {}, false);
                        b.setDoEarlyClose(true);
                        b.close();
                        assertEquals(len >= MAX, b.didEarlyClose(), "len " + len);
                        if (len < MAX) assertEquals("NEXT", Streams.readAll(br));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
