package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufioWriterTest {
    /** Records the size of every write that reaches it, and every flush as -1. */
    static final class Sizes extends OutputStream {
        final List<Integer> seen = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            seen.add(len);
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            seen.add(-1);
        }
    }

    /**
     * Go's bufio.Writer, retold as a model: the sizes of the writes it passes on for a run of
     * writes of the given sizes (0 standing for a flush) into a buffer of {@code size}.
     */
    static List<Integer> model(int size, List<Integer> writes) {
        List<Integer> out = new ArrayList<>();
        int n = 0;
        for (int w : writes) {
            if (w == 0) {
                if (n > 0) out.add(n);
                out.add(-1);
                n = 0;
                continue;
            }
            int len = w;
            while (len > size - n) {
                int k;
                if (n == 0) {
                    k = len;
                    out.add(len);
                } else {
                    k = size - n;
                    out.add(size);
                    n = 0;
                }
                len -= k;
            }
            n += len;
        }
        return out;
    }

    @Test
    void passesOnWritesAsGosBufioWriterDoes() {
        qt().forAll(integers().between(1, 64), lists().of(integers().between(0, 200)).ofSizeBetween(0, 30))
                .checkAssert((size, writes) -> {
                    Sizes sink = new Sizes();
                    BufioWriter w = new BufioWriter(sink, size);
                    byte counter = 0;
                    ByteArrayOutputStream expected = new ByteArrayOutputStream();
                    try {
                        for (int len : writes) {
                            if (len == 0) {
                                w.flush();
                                continue;
                            }
                            byte[] b = new byte[len];
                            for (int i = 0; i < len; i++) b[i] = counter++;
                            expected.write(b, 0, len);
                            w.write(b, 0, len);
                        }
                        w.flush();
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    List<Integer> all = new ArrayList<>(writes);
                    all.add(0);
                    assertEquals(model(size, all), sink.seen);
                    assertEquals(expected.toString(java.nio.charset.StandardCharsets.ISO_8859_1),
                            sink.bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
                });
    }

    @Test
    void oneByteWritesFillTheBufferFirst() throws IOException {
        Sizes sink = new Sizes();
        BufioWriter w = new BufioWriter(sink, 3);
        for (int i = 0; i < 7; i++) w.write('a' + i);
        assertEquals(List.of(3, -1, 3, -1), sink.seen); // a full buffer flushes before the next byte
        assertEquals(1, w.buffered());
        assertEquals(2, w.available());
    }

    @Test
    void aWriterNothingWasWrittenToHoldsNoBuffer() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] passedOn = new long[1];
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                passedOn[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                passedOn[0] += len;
            }
        };
        byte[] big = new byte[8192];
        new BufioWriter(sink, 4096).flush(); // warm up
        long before = threads.getCurrentThreadAllocatedBytes();
        BufioWriter w = new BufioWriter(sink, 4096);
        w.flush();
        w.write(big, 0, big.length); // into an empty buffer and larger than it: passed straight on
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes");
        assertEquals(8192, passedOn[0]);
        assertEquals(4096, w.available());
    }

    @Test
    void aSizeOfZeroMeansGosDefault() throws IOException {
        Sizes sink = new Sizes();
        BufioWriter w = new BufioWriter(sink, 0);
        assertEquals(4096, w.available());
        w.write(new byte[10], 0, 10);
        assertEquals(List.of(), sink.seen);
    }

    @Test
    void aReleasedBufferIsNeverWrittenAgainByTheWriterThatGaveItUp() throws IOException {
        Sizes sink = new Sizes();
        BufioWriter w = new BufioWriter(sink, 8);
        assertEquals(null, w.release()); // nothing allocated yet
        w.write("abc".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, 3);
        assertEquals(null, w.release()); // bytes still waiting
        w.flush();
        byte[] given = w.release();
        assertEquals(8, given.length);
        java.util.Arrays.fill(given, (byte) '-');
        BufioWriter next = new BufioWriter(sink, given);
        assertEquals(8, next.available());
        w.write("late".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, 4);
        assertEquals("--------", new String(given, java.nio.charset.StandardCharsets.ISO_8859_1));
        w.flush();
        assertEquals("abclate", sink.bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
