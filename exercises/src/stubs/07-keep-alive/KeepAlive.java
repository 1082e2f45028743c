package exercises;

import java.util.List;

/**
 * Exercise 07: does the connection close after this request? The instructions are in
 * README.adoc, next to this file.
 */
public final class KeepAlive {
    private KeepAlive() {}

    /**
     * Whether the connection should close after a message of version {@code HTTP/major.minor}
     * whose {@code Connection} fields hold {@code connection} (one element per field line, in
     * order; empty when there is none).
     */
    public static boolean shouldClose(int major, int minor, List<String> connection) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
