package exercises;

import java.io.IOException;
import java.util.List;

/**
 * Exercise 06: which length rule frames a message body. The instructions are in README.adoc,
 * next to this file.
 */
public final class BodyFraming {
    private BodyFraming() {}

    /**
     * Returns the length of a message's body: a number of bytes, or {@code -1} when the body is
     * chunked or (for a response) runs until the connection closes.
     *
     * @param isResponse whether the message is a response (else a request)
     * @param status the response's status code; {@code 0} for a request
     * @param requestMethod the method of the request a response answers, such as {@code HEAD};
     *     for a request, its own method
     * @param contentLengths the values of every {@code Content-Length} field, in order
     * @param chunked whether the message says {@code Transfer-Encoding: chunked}
     * @throws IOException when the Content-Length fields are malformed or disagree
     */
    public static long bodyLength(boolean isResponse, int status, String requestMethod,
            List<String> contentLengths, boolean chunked) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
