package exercises;

import java.util.List;

/**
 * Exercise 03: which ServeMux pattern answers a request. The instructions are in README.adoc,
 * next to this file.
 */
public final class MuxMatching {
    private MuxMatching() {}

    /**
     * Returns the registered pattern that answers a request for {@code path} on {@code host}, or
     * {@code ""} when none does (the mux answers 404).
     *
     * @param patterns the registered patterns, all different, such as {@code "/"},
     *     {@code "/images/"}, {@code "/favicon.ico"} or {@code "example.com/"}
     * @param host the request's host, without a port, such as {@code "example.com"}
     * @param path the request's path, already clean, such as {@code "/images/a.png"}
     * @return the winning pattern; when the mux would redirect {@code /tree} to {@code /tree/},
     *     the pattern of the redirect, {@code path + "/"}
     */
    public static String match(List<String> patterns, String host, String path) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
