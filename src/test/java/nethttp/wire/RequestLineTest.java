package nethttp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLineTest {

    @Test
    void splitsAtTheFirstTwoSpacesOnly() {
        assertEquals(Optional.of(new RequestLine("GET", "/", "HTTP/1.1")), RequestLine.parse("GET / HTTP/1.1"));
        assertEquals(Optional.of(new RequestLine("GET", "a", "b c")), RequestLine.parse("GET a b c"));
        assertEquals(Optional.of(new RequestLine("GET", "", "HTTP/1.1")), RequestLine.parse("GET  HTTP/1.1"));
        assertEquals(Optional.empty(), RequestLine.parse("GET /"));
        assertEquals(Optional.empty(), RequestLine.parse(""));
    }

    @ParameterizedTest
    @CsvSource({"HTTP/1.1,1,1", "HTTP/1.0,1,0", "HTTP/2.0,2,0", "HTTP/0.9,0,9", "HTTP/9.9,9,9"})
    void parsesOneDigitVersions(String text, int major, int minor) {
        assertEquals(Optional.of(new HttpVersion(major, minor)), HttpVersion.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.10", "HTTP/01.1", "HTTP/1", "http/1.1", "HTTP/1.1 ", "HTTP/a.1", "HTTP/1,1",
        "HTTP/+.1", "HTTP/1.-", "", "HTTP/", "HTTPS/1.1"})
    void rejectsEverythingElse(String text) {
        assertTrue(HttpVersion.parse(text).isEmpty());
    }
}
