package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The default log writes the bytes Go's log would: request bytes as they came (a UTF-8 terminal
 * then shows the characters), text as UTF-8, whatever the platform's default encoding.
 */
class StdLogTest {
    private static final LocalDateTime TIME = LocalDateTime.of(2009, 11, 10, 23, 0, 0);

    /** What the log wrote, the same through a UTF-8 stream and a Latin-1 one. */
    private static byte[] logged(String msg) {
        byte[] viaUtf8 = logged(msg, StandardCharsets.UTF_8);
        assertArrayEquals(viaUtf8, logged(msg, StandardCharsets.ISO_8859_1), "the stream's encoding plays no part");
        return viaUtf8;
    }

    private static byte[] logged(String msg, Charset streamEncoding) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        StdLog.printTo(new PrintStream(sink, true, streamEncoding), TIME, msg);
        return sink.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestBytesAreWrittenAsTheyCame() {
        // a handler's failure naming the path of GET /caf%C3%A9: the path holds the bytes of "é"
        assertArrayEquals(utf8("2009/11/10 23:00:00 http: panic serving 127.0.0.1:5: no route for /café\n"),
                logged("http: panic serving 127.0.0.1:5: no route for /caf\u00c3\u00a9"));
        assertArrayEquals(utf8("2009/11/10 23:00:00 http: invalid Content-Length of \"€1\"\n"),
                logged("http: invalid Content-Length of \"\u00e2\u0082\u00ac1\""));
    }

    @Test
    void textIsWrittenAsUtf8() {
        assertArrayEquals(utf8("2009/11/10 23:00:00 snow ☃ on the café\n"), logged("snow \u2603 on the caf\u00e9"));
        assertArrayEquals(utf8("2009/11/10 23:00:00 a café\n"), logged("a caf\u00e9"));
    }

    @Test
    void aLineEndsWithOneNewline() {
        assertArrayEquals(utf8("2009/11/10 23:00:00 two\nlines\n"), logged("two\nlines\n"));
    }
}
