package nethttp.exercises.chaffs;

import java.io.IOException;
import java.util.List;

/** Wrong solutions to exercise 06. */
public final class BodyFramingChaffs {
    private BodyFramingChaffs() {}

    /** The rules with one mistake chosen by name; correct with "none". */
    private static long length(boolean isResponse, int status, String method, List<String> cls, boolean chunked,
            String mistake) throws IOException {
        if (cls.size() > 1 && !mistake.equals("first-wins")) {
            for (String v : cls) if (!v.strip().equals(cls.get(0).strip())) throw new IOException("conflict");
        }
        if (isResponse && method.equals("HEAD")) return 0;
        boolean noBody = mistake.equals("only-1xx") ? status / 100 == 1 : status / 100 == 1 || status == 204 || status == 304;
        if (noBody) return 0;
        String cl = cls.isEmpty() ? "" : cls.get(0).strip();
        if (mistake.equals("length-beats-chunked") && !cl.isEmpty()) return parse(cl, false);
        if (chunked) return -1;
        if (!cl.isEmpty()) return parse(cl, mistake.equals("parse-long"));
        if (mistake.equals("response-without-length-empty")) return 0;
        return isResponse ? -1 : 0;
    }

    private static long parse(String cl, boolean lenient) throws IOException {
        if (lenient) {
            try {
                return Long.parseLong(cl);
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
        }
        if (!cl.chars().allMatch(c -> c >= '0' && c <= '9')) throw new IOException("bad Content-Length");
        try {
            return Long.parseLong(cl);
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length");
        }
    }

    /** Lets Content-Length win over chunked: the classic request-smuggling disagreement. */
    public static final class LengthBeatsChunked {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return length(isResponse, status, requestMethod, contentLengths, chunked, "length-beats-chunked");
        }
    }

    /** Remembers that 1xx responses have no body, forgets 204 and 304. */
    public static final class OnlyInformationalHasNoBody {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return length(isResponse, status, requestMethod, contentLengths, chunked, "only-1xx");
        }
    }

    /** Gives a response without Content-Length an empty body instead of reading until close. */
    public static final class ResponseWithoutLengthIsEmpty {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return length(isResponse, status, requestMethod, contentLengths, chunked, "response-without-length-empty");
        }
    }

    /** Takes the first of several Content-Length fields, even when they disagree. */
    public static final class FirstLengthWins {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return length(isResponse, status, requestMethod, contentLengths, chunked, "first-wins");
        }
    }

    /** Parses Content-Length with Long.parseLong, which accepts "+5" and "-1". */
    public static final class ParseLong {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return length(isResponse, status, requestMethod, contentLengths, chunked, "parse-long");
        }
    }
}
