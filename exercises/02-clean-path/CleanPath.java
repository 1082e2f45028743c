package exercises;

/**
 * Exercise 02: cleaning a request path. The instructions are in README.adoc, next to this file.
 */
public final class CleanPath {
    private CleanPath() {}

    /**
     * Returns the canonical form of a request path, the one ServeMux matches against: rooted,
     * with runs of slashes collapsed, {@code .} segments removed, each {@code ..} segment
     * removing the segment before it (never climbing above the root), and a trailing slash kept.
     * {@code ""} becomes {@code "/"}, {@code "/a/../b/"} becomes {@code "/b/"}.
     */
    public static String cleanPath(String path) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
