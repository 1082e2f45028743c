package nethttp.exercises.alternatives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Correct solutions to exercise 02. */
public final class CleanPathAlternatives {
    private CleanPathAlternatives() {}

    /** Segments as a list, filtered with a stream; ".." removes the last kept one. */
    public static final class ListAndStreams {
        public static String cleanPath(String path) {
            List<String> kept = new ArrayList<>();
            Arrays.stream(path.split("/", -1)).filter(seg -> !seg.isEmpty() && !seg.equals(".")).forEach(seg -> {
                if (!seg.equals("..")) kept.add(seg);
                else if (!kept.isEmpty()) kept.remove(kept.size() - 1);
            });
            String cleaned = kept.stream().collect(Collectors.joining("/", "/", ""));
            return path.endsWith("/") && !cleaned.equals("/") ? cleaned + "/" : cleaned;
        }
    }

    /** One pass over the chars with a StringBuilder as the output and a stack of segment starts. */
    public static final class CharByChar {
        public static String cleanPath(String path) {
            StringBuilder out = new StringBuilder();
            List<Integer> starts = new ArrayList<>();
            int i = 0;
            while (i <= path.length()) {
                int end = path.indexOf('/', i);
                if (end < 0) end = path.length();
                String seg = path.substring(i, end);
                if (seg.equals("..")) {
                    if (!starts.isEmpty()) out.setLength(starts.remove(starts.size() - 1));
                } else if (!seg.isEmpty() && !seg.equals(".")) {
                    starts.add(out.length());
                    out.append('/').append(seg);
                }
                i = end + 1;
            }
            if (out.length() == 0) return "/";
            if (path.endsWith("/")) out.append('/');
            return out.toString();
        }
    }
}
