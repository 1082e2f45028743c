package exercises;

/**
 * Exercise 01: canonical header keys. The instructions are in README.adoc, next to this file.
 */
public final class CanonicalKeys {
    private CanonicalKeys() {}

    /**
     * Returns the canonical spelling of a header key: the first letter and every letter after a
     * hyphen in upper case, all other letters in lower case ({@code "content-type"} becomes
     * {@code "Content-Type"}). A key holding a byte that may not appear in a header name (a
     * space, for example) is returned exactly as given.
     */
    public static String canonicalize(String key) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
