package exercises;

/**
 * Exercise 08: finding a token in a header value. The instructions are in README.adoc, next to
 * this file.
 */
public final class HasToken {
    private HasToken() {}

    /**
     * Whether {@code token} (in lower case) appears in the header value {@code v} as a whole
     * element, ignoring ASCII case: {@code hasToken("Keep-Alive, Close", "close")} is true,
     * {@code hasToken("closed", "close")} is false.
     */
    public static boolean hasToken(String v, String token) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
