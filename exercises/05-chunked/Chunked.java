package exercises;

import java.io.IOException;
import java.util.List;

/**
 * Exercise 05: the chunked transfer coding, both ways. The instructions are in README.adoc, next
 * to this file. Wire text is a String with one char per byte (ISO-8859-1).
 */
public final class Chunked {
    private Chunked() {}

    /**
     * Encodes a body written in pieces: each non-empty write becomes one chunk, then the last
     * chunk {@code "0\r\n"} ends the body. Writes {@code ["hello"]} give
     * {@code "5\r\nhello\r\n0\r\n"}.
     */
    public static String encode(List<String> writes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Decodes a chunked body up to and including the line of the last chunk, and returns its
     * data. Anything after that line (the trailer) is ignored.
     *
     * @throws IOException when {@code wire} is not a well-formed chunked body
     */
    public static String decode(String wire) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
