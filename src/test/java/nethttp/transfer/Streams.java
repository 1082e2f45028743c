package nethttp.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nethttp.textproto.BufioReader;

/** Test inputs: wire text as bytes, streams that deliver little at a time or must not be read. */
final class Streams {
    private Streams() {}

    static byte[] bytes(String wire) {
        return wire.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static BufioReader bufio(String wire) {
        return new BufioReader(new java.io.ByteArrayInputStream(bytes(wire)));
    }

    static String readAll(InputStream in) throws IOException {
        return text(in.readAllBytes());
    }

    /** Reads with a small buffer until the end, so that reads split the input in many ways. */
    static byte[] readAllInSteps(InputStream in, int step) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[step];
        for (int n; (n = in.read(buf, 0, step)) != -1; ) out.write(buf, 0, n);
        return out.toByteArray();
    }

    /** Hands out its bytes in reads of the given sizes (cycling), like a slow network. */
    static final class Trickle extends InputStream {
        private final byte[] data;
        private final int[] sizes;
        private int pos;
        private int turn;

        Trickle(byte[] data, int... sizes) {
            this.data = data;
            this.sizes = sizes;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (pos == data.length) return -1;
            int n = Math.min(Math.min(len, data.length - pos), sizes[turn++ % sizes.length]);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /**
     * Hands out its bytes, then fails the test if read again: a network peer that has sent
     * everything and is waiting, where reading on would block forever.
     */
    static final class ThenBlocks extends InputStream {
        private final byte[] data;
        private int pos;

        ThenBlocks(String wire) {
            this.data = bytes(wire);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            read(one, 0, 1);
            return one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == data.length) throw new AssertionError("read would block");
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** Hands out its bytes, then fails with the given error. */
    static final class ThenFails extends InputStream {
        private final byte[] data;
        private final IOException error;
        private int pos;

        ThenFails(String wire, IOException error) {
            this.data = bytes(wire);
            this.error = error;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == data.length) throw error;
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
