package nethttp.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReaderStreamTest {
    /** Hands out {@code data} in reads of at most {@code step} bytes, with an empty read between each. */
    static final class Pieces extends ReaderStream {
        private final byte[] data;
        private final int step;
        private int pos;
        private boolean emptyNext;

        Pieces(byte[] data, int step) {
            this.data = data;
            this.step = step;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (pos == data.length) return -1;
            emptyNext = !emptyNext;
            if (!emptyNext) return 0; // as a Go reader may: no bytes, no error, try again
            int n = Math.min(Math.min(len, step), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    static byte[] data(int length, long seed) {
        byte[] d = new byte[length];
        new Random(seed).nextBytes(d);
        return d;
    }

    @Test
    void readAllBytesReturnsEveryByteWhateverTheReadSizes() {
        qt().forAll(integers().between(0, 70_000), integers().between(1, 20_000), integers().all())
                .checkAssert((length, step, seed) -> {
                    byte[] d = data(length, seed);
                    try {
                        assertArrayEquals(d, new Pieces(d, step).readAllBytes());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void readNBytesStopsAtTheCountOrTheEnd() {
        qt().forAll(integers().between(0, 5_000), integers().between(0, 6_000), integers().between(1, 700))
                .checkAssert((length, wanted, step) -> {
                    byte[] d = data(length, length);
                    try {
                        Pieces in = new Pieces(d, step);
                        byte[] got = in.readNBytes(wanted);
                        assertArrayEquals(Arrays.copyOf(d, Math.min(length, wanted)), got);
                        // what was not asked for is still there
                        assertArrayEquals(Arrays.copyOfRange(d, got.length, length), in.readAllBytes());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void aNegativeCountIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Pieces(new byte[1], 1).readNBytes(-1));
    }

    @Test
    void aSmallBodyIsReadWithASmallBuffer() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] one = {42};
        new Pieces(one, 1).readAllBytes(); // warm up: class loading allocates too
        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] got = new Pieces(one, 1).readAllBytes();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertArrayEquals(one, got);
        // Go's io.ReadAll starts at 512 bytes; the JDK's default would be 16 KiB here.
        assertTrue(allocated < 2048, "allocated " + allocated + " bytes to read one");
    }

    /** What a handler blocked on a body holds: the buffer it reads into, while it waits. */
    @Test
    void aReadWaitingForTheRestOfABodyHoldsLittle() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong bufferSize = new AtomicLong();
        ReaderStream slow = new ReaderStream() {
            private int calls;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ == 0) {
                    b[off] = 'x';
                    return 1;
                }
                bufferSize.set(b.length);
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return -1;
            }
        };
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                assertEquals(1, slow.readAllBytes().length);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        reading.await();
        assertEquals(512, bufferSize.get()); // Go's io.ReadAll starts there
        release.countDown();
        t.join();
    }
}
