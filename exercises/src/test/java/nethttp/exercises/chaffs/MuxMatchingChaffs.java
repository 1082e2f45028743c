package nethttp.exercises.chaffs;

import java.util.List;

/** Wrong solutions to exercise 03. */
public final class MuxMatchingChaffs {
    private MuxMatchingChaffs() {}

    /** The Go rules, but with a choice of which to break. */
    private static String match(List<String> patterns, String host, String path, boolean shortestWins,
            boolean hostPatterns, boolean anyPrefix, boolean redirect) {
        if (redirect && !patterns.contains(path) && !patterns.contains(host + path)
                && (patterns.contains(path + "/") || patterns.contains(host + path + "/")) && !path.endsWith("/")) {
            return path + "/";
        }
        if (hostPatterns) {
            String m = best(patterns, host + path, shortestWins, anyPrefix);
            if (!m.isEmpty()) return m;
        }
        return best(patterns, path, shortestWins, anyPrefix);
    }

    private static String best(List<String> patterns, String target, boolean shortestWins, boolean anyPrefix) {
        if (patterns.contains(target)) return target;
        String best = "";
        for (String p : patterns) {
            if (!(p.endsWith("/") || anyPrefix) || !target.startsWith(p)) continue;
            boolean better = best.isEmpty() || (shortestWins ? p.length() < best.length() : p.length() > best.length());
            if (better) best = p;
        }
        return best;
    }

    /** Takes the first subtree pattern that fits, the shortest, instead of the longest. */
    public static final class ShortestWins {
        public static String match(List<String> patterns, String host, String path) {
            return MuxMatchingChaffs.match(patterns, host, path, true, true, false, true);
        }
    }

    /** Never looks at patterns that start with a host name. */
    public static final class IgnoresHosts {
        public static String match(List<String> patterns, String host, String path) {
            return MuxMatchingChaffs.match(patterns, host, path, false, false, false, true);
        }
    }

    /** Treats every pattern as a prefix, so "/a" claims "/ab" and "/a/b". */
    public static final class AnyPrefix {
        public static String match(List<String> patterns, String host, String path) {
            return MuxMatchingChaffs.match(patterns, host, path, false, true, true, true);
        }
    }

    /** Forgets that "/tree" is redirected to "/tree/" when only the subtree is registered. */
    public static final class NoSlashRedirect {
        public static String match(List<String> patterns, String host, String path) {
            return MuxMatchingChaffs.match(patterns, host, path, false, true, false, false);
        }
    }

    /** Tries the plain patterns first and the host patterns only when none matches. */
    public static final class HostPatternsLast {
        public static String match(List<String> patterns, String host, String path) {
            if (!patterns.contains(path) && !patterns.contains(host + path) && !path.endsWith("/")
                    && (patterns.contains(path + "/") || patterns.contains(host + path + "/"))) {
                return path + "/";
            }
            String m = best(patterns, path, false, false);
            return m.isEmpty() ? best(patterns, host + path, false, false) : m;
        }
    }

    /** Redirects "/tree" to "/tree/" only when no other pattern matches, so "/" wins instead. */
    public static final class RedirectOnlyWhenNothingMatches {
        public static String match(List<String> patterns, String host, String path) {
            String m = best(patterns, host + path, false, false);
            if (m.isEmpty()) m = best(patterns, path, false, false);
            if (m.isEmpty() && !path.endsWith("/")
                    && (patterns.contains(path + "/") || patterns.contains(host + path + "/"))) {
                return path + "/";
            }
            return m;
        }
    }

    /** Looks for "/tree/" among the plain patterns only when deciding on a redirect, not "host/tree/". */
    public static final class RedirectIgnoresHost {
        public static String match(List<String> patterns, String host, String path) {
            if (!patterns.contains(path) && !patterns.contains(host + path) && !path.endsWith("/")
                    && patterns.contains(path + "/")) {
                return path + "/";
            }
            String m = best(patterns, host + path, false, false);
            return m.isEmpty() ? best(patterns, path, false, false) : m;
        }
    }
}
