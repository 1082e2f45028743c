package nethttp.url;

import java.util.ArrayDeque;
import java.util.Deque;
import nethttp.core.Mirrors;

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
}
