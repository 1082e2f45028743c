package nethttp.exercises.alternatives;

import java.util.Comparator;
import java.util.List;

/** Correct solutions to exercise 03. */
public final class MuxMatchingAlternatives {
    private MuxMatchingAlternatives() {}

    /** Streams: the exact pattern, else the longest subtree pattern that is a prefix. */
    public static final class Streams {
        private static String best(List<String> patterns, String target) {
            if (patterns.contains(target)) return target;
            return patterns.stream().filter(p -> p.endsWith("/") && target.startsWith(p))
                    .max(Comparator.comparingInt(String::length)).orElse("");
        }

        public static String match(List<String> patterns, String host, String path) {
            boolean exact = patterns.contains(path) || patterns.contains(host + path);
            boolean tree = patterns.contains(path + "/") || patterns.contains(host + path + "/");
            if (!exact && tree && !path.endsWith("/")) return path + "/";
            boolean anyHost = patterns.stream().anyMatch(p -> !p.startsWith("/"));
            String m = anyHost ? best(patterns, host + path) : "";
            return m.isEmpty() ? best(patterns, path) : m;
        }
    }
}
