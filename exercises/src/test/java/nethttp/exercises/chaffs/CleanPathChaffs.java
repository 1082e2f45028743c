package nethttp.exercises.chaffs;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;

/** Wrong solutions to exercise 02. */
public final class CleanPathChaffs {
    private CleanPathChaffs() {}

    /** Resolves segments properly but drops the trailing slash, as path.Clean does. */
    public static final class DropsTrailingSlash {
        public static String cleanPath(String path) {
            Deque<String> kept = new ArrayDeque<>();
            for (String seg : path.split("/")) {
                if (seg.isEmpty() || seg.equals(".")) continue;
                if (seg.equals("..")) kept.pollLast();
                else kept.addLast(seg);
            }
            return "/" + String.join("/", kept);
        }
    }

    /** Leans on java.net.URI.normalize, which keeps "//" and a leading "/..". */
    public static final class UriNormalize {
        public static String cleanPath(String path) {
            if (!path.startsWith("/")) path = "/" + path;
            return URI.create(path).normalize().getPath();
        }
    }

    /** Lets ".." climb above the root: "/../a" stays "/../a". */
    public static final class ClimbsAboveRoot {
        public static String cleanPath(String path) {
            Deque<String> kept = new ArrayDeque<>();
            for (String seg : path.split("/")) {
                if (seg.isEmpty() || seg.equals(".")) continue;
                if (seg.equals("..") && !kept.isEmpty() && !kept.peekLast().equals("..")) kept.pollLast();
                else kept.addLast(seg);
            }
            String cleaned = "/" + String.join("/", kept);
            return path.endsWith("/") && !cleaned.equals("/") ? cleaned + "/" : cleaned;
        }
    }

    /** Removes "/./" and "/x/../" once each with string replacement, and leaves the rest. */
    public static final class ReplacesOnce {
        public static String cleanPath(String path) {
            if (!path.startsWith("/")) path = "/" + path;
            return path.replace("//", "/").replace("/./", "/").replaceFirst("/[^/]+/\\.\\./", "/");
        }
    }

    /** Lets java.nio.file do the work: right on Linux for most paths, but it throws on NUL and depends on the OS. */
    public static final class PathsNormalize {
        public static String cleanPath(String path) {
            String rooted = path.startsWith("/") ? path : "/" + path;
            String cleaned = java.nio.file.Paths.get(rooted).normalize().toString();
            if (rooted.endsWith("/") && !cleaned.equals("/")) cleaned += "/";
            return cleaned;
        }
    }

    /** Takes "/a/." and "/a/b/.." to name directories, and gives them a trailing slash. */
    public static final class DotEndKeepsSlash {
        public static String cleanPath(String path) {
            Deque<String> kept = new ArrayDeque<>();
            for (String seg : path.split("/")) {
                if (seg.isEmpty() || seg.equals(".")) continue;
                if (seg.equals("..")) kept.pollLast();
                else kept.addLast(seg);
            }
            String cleaned = "/" + String.join("/", kept);
            boolean dir = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
            return dir && !cleaned.equals("/") ? cleaned + "/" : cleaned;
        }
    }

    /** Treats every segment that starts with ".." as a step up, so "/a/..b" gives "/". */
    public static final class DotDotPrefix {
        public static String cleanPath(String path) {
            Deque<String> kept = new ArrayDeque<>();
            for (String seg : path.split("/")) {
                if (seg.isEmpty() || seg.equals(".")) continue;
                if (seg.startsWith("..")) kept.pollLast();
                else kept.addLast(seg);
            }
            String cleaned = "/" + String.join("/", kept);
            return path.endsWith("/") && !cleaned.equals("/") ? cleaned + "/" : cleaned;
        }
    }
}
