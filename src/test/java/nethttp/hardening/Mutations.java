package nethttp.hardening;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators of hostile input: random bytes, and valid messages mutated the way broken or
 * malicious peers break them (a flipped byte, a stray CR, LF, NUL, space or colon, a cut, a
 * repeated slice).
 */
final class Mutations {
    private Mutations() {}

    static final String[] VALID_REQUESTS = {
        "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
        "GET /a/b?c=d&e=%20f HTTP/1.1\r\nHost: example.com:8080\r\nUser-Agent: fuzz\r\nAccept: */*\r\n\r\n",
        "POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world",
        "POST /chunks HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n"
                + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Sum: 11\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: h\r\nContinued: a\r\n  folded\r\n\r\n",
        "GET http://proxy.example/x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "PUT /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
    };

    static final String[] VALID_CHUNKED = {
        "0\r\n\r\n",
        "5\r\nhello\r\n0\r\n\r\n",
        "3;name=value\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nTrailer: x\r\n\r\n",
        "1\r\na\r\n1\r\nb\r\n1\r\nc\r\n0\r\n\r\n",
    };

    private static final byte[] INSERTS = {'\r', '\n', 0, ' ', ':', '\t', (byte) 0xff, ';'};

    /** Random bytes, biased towards the bytes HTTP's grammar cares about. */
    static Gen<byte[]> randomBytes(int maxLen) {
        return SourceDSL.longs().all().zip(SourceDSL.integers().between(0, maxLen), (seed, len) -> {
            Random rnd = new Random(seed);
            byte[] alphabet = "GET /HTP1.0\r\n:;,=-chunkedTransfer-EncodingContent-Length0123456789abcdefxX \t\u0000"
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) {
                b[i] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256) : alphabet[rnd.nextInt(alphabet.length)];
            }
            return b;
        });
    }

    /** One of {@code valid}, with one to four mutations applied. */
    static Gen<byte[]> mutated(String[] valid) {
        return SourceDSL.longs().all().zip(SourceDSL.integers().between(0, valid.length - 1), (seed, which) -> {
            Random rnd = new Random(seed);
            byte[] b = valid[which].getBytes(StandardCharsets.ISO_8859_1);
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) b = mutateOnce(b, rnd);
            return b;
        });
    }

    static byte[] mutateOnce(byte[] b, Random rnd) {
        if (b.length == 0) return new byte[] {INSERTS[rnd.nextInt(INSERTS.length)]};
        int at = rnd.nextInt(b.length);
        return switch (rnd.nextInt(5)) {
            case 0 -> { // flip a bit
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << rnd.nextInt(8));
                yield c;
            }
            case 1 -> insert(b, at, new byte[] {INSERTS[rnd.nextInt(INSERTS.length)]});
            case 2 -> java.util.Arrays.copyOf(b, at); // truncate
            case 3 -> { // duplicate a slice in place
                int len = 1 + rnd.nextInt(Math.min(16, b.length - at));
                yield insert(b, at, java.util.Arrays.copyOfRange(b, at, at + len));
            }
            default -> { // replace a byte with a digit or a hex letter: lengths and sizes change
                byte[] c = b.clone();
                c[at] = (byte) "0123456789abcdefF-+".charAt(rnd.nextInt(19));
                yield c;
            }
        };
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }
}
