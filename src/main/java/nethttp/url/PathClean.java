package nethttp.url;

import java.util.ArrayDeque;
import java.util.Deque;
import nethttp.annotations.Mirrors;

/**
 * The lexical clean-up of slash-separated paths that Go's {@code path.Clean} performs. It lives
 * with the URL classes because the paths it tidies are URL paths: the multiplexer cleans request
 * paths with it, and {@link nethttp.core.Replies#redirect} cleans the targets it makes absolute.
 *
 * <p>Cleaning never looks at a file system; it only rewrites the text:
 *
 * <ul>
 *   <li>runs of slashes become one slash;
 *   <li>{@code .} segments disappear;
 *   <li>a {@code ..} segment removes the segment before it; at the root it is dropped, and at the
 *       start of a relative path it is kept, since there is nothing left to remove;
 *   <li>a trailing slash is dropped, except for the root {@code /} itself;
 *   <li>an empty result is {@code "."}.
 * </ul>
 *
 * <p>So {@code clean("/a/./b/../../c/")} is {@code "/c"} and {@code clean("a/../../b")} is
 * {@code "../b"}. The result is its own cleaned form: cleaning twice changes nothing.
 */
@Mirrors(file = "path/path.go", func = "Clean")
public final class PathClean {
    private PathClean() {}

    /** Returns the shortest path equivalent to {@code path} by purely lexical rules. */
    @Mirrors(file = "path/path.go", func = "Clean")
    public static String clean(String path) {
        if (path.isEmpty()) return ".";
        // The multiplexer cleans every request's path, and nearly all are clean already: handing
        // those back untouched saves a split and a join per request (a few per cent of a hello
        // server's time in a profile). Go's Clean likewise avoids building a new string then.
        if (alreadyClean(path)) return path;
        boolean rooted = path.charAt(0) == '/';
        Deque<String> kept = new ArrayDeque<>();
        // Leading ".." of a relative path have nothing to cancel; they must survive.
        int unremovable = 0;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (!segment.equals("..")) {
                kept.addLast(segment);
            } else if (kept.size() > unremovable) {
                kept.removeLast();
            } else if (!rooted) {
                kept.addLast("..");
                unremovable++;
            }
        }
        String joined = String.join("/", kept);
        if (rooted) return "/" + joined;
        return joined.isEmpty() ? "." : joined;
    }

    /** Whether cleaning would change nothing: no empty, {@code .} or {@code ..} segment, no trailing slash. */
    private static boolean alreadyClean(String path) {
        if (path.equals("/")) return true;
        int start = path.charAt(0) == '/' ? 1 : 0;
        while (true) {
            int end = path.indexOf('/', start);
            if (end < 0) end = path.length();
            if (isRemovableSegment(path, start, end)) return false;
            if (end == path.length()) return true;
            start = end + 1;
        }
    }

    /** An empty segment (a doubled or trailing slash), {@code .} or {@code ..}. */
    private static boolean isRemovableSegment(String path, int start, int end) {
        int len = end - start;
        if (len == 0) return true;
        if (path.charAt(start) != '.') return false;
        return len == 1 || (len == 2 && path.charAt(start + 1) == '.');
    }
}
