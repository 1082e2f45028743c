package nethttp.gzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The gzip decoder alone, with the outcomes Go's {@code compress/gzip} gives for the same bytes
 * ({@code nethttp.transport.GoClientBytesTest} checks them against Go itself, through a real response).
 */
class GunzipTest {

    private static byte[] gz(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Reads everything the decoder gives before it ends or fails; returns "text | error". */
    private static String read(byte[] in) {
        InputStream z = new Gunzip(new ByteArrayInputStream(in));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[7]; // small reads cross every boundary
        try {
            for (int n; (n = z.read(buf)) >= 0; ) out.write(buf, 0, n);
            return out.toString(StandardCharsets.ISO_8859_1) + " | ";
        } catch (IOException e) {
            return out.toString(StandardCharsets.ISO_8859_1) + " | " + e.getMessage();
        }
    }

    @Test
    void membersAreReadOneAfterAnother() throws IOException {
        assertEquals("one, two, three | ", read(concat(gz("one, "), gz("two, "), gz("three"))));
        assertEquals(" | ", read(new byte[0]), "no member at all is an empty stream, as in Go");
        assertEquals(" | ", read(gz("")));
    }

    @Test
    void bytesAfterTheLastMemberAreAnError() throws IOException {
        assertEquals("body | gzip: invalid header", read(concat(gz("body"), "0123456789".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals("body | unexpected EOF", read(concat(gz("body"), "012345678".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals("body | gzip: invalid header", read(concat(gz("body"), new byte[10])));
    }

    @Test
    void truncationIsUnexpectedEOF() throws IOException {
        byte[] g = gz("some text that is long enough");
        assertEquals(" | unexpected EOF", read(Arrays.copyOf(g, 9)));
        assertEquals("some text that is long enough | unexpected EOF", read(Arrays.copyOf(g, g.length - 1)));
        assertEquals("s | unexpected EOF", read(Arrays.copyOf(g, 12)), "what was decoded comes first, as in Go");
    }

    @Test
    void aWrongTrailerIsAnInvalidChecksum() throws IOException {
        byte[] crc = gz("checked");
        crc[crc.length - 8] ^= 1;
        assertEquals("checked | gzip: invalid checksum", read(crc));
        byte[] size = gz("checked");
        size[size.length - 1] ^= 1;
        assertEquals("checked | gzip: invalid checksum", read(size));
    }

    @Test
    void corruptDeflateDataNamesTheOffset() throws IOException {
        byte[] bad = concat(Arrays.copyOf(gz("x"), 10), new byte[] {(byte) 0xff, 0, 0, 0});
        assertEquals(" | flate: corrupt input before offset 1", read(bad));
    }

    @Test
    void theFirstErrorIsRepeated() throws IOException {
        byte[] g = gz("abc");
        g[g.length - 5] ^= 1;
        InputStream z = new Gunzip(new ByteArrayInputStream(g));
        assertArrayEquals("abc".getBytes(StandardCharsets.ISO_8859_1), z.readNBytes(3));
        IOException first = assertThrows(IOException.class, z::read);
        assertEquals("gzip: invalid checksum", first.getMessage());
        assertEquals(first, assertThrows(IOException.class, z::read));
    }
}
