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

    /** A student's fixLength; {@code parse} reads one Content-Length value, already trimmed. */
    private interface LengthParser {
        long parse(String value) throws IOException;
    }

    private static String trimBlanks(String s) {
        int start = 0, end = s.length();
        while (start < end && " \t\r\n".indexOf(s.charAt(start)) >= 0) start++;
        while (end > start && " \t\r\n".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(start, end);
    }

    private static long digitsOnly(String value) throws IOException {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) throw new IOException("bad Content-Length");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length");
        }
    }

    private static long studentLength(boolean isResponse, int status, String method, List<String> cls, boolean chunked,
            java.util.function.UnaryOperator<String> trim, java.util.function.IntPredicate noBodyStatus,
            boolean emptyIsAbsent, LengthParser parse) throws IOException {
        for (String v : cls) {
            if (!trim.apply(v).equals(trim.apply(cls.get(0)))) throw new IOException("conflicting Content-Length");
        }
        if (isResponse && method.equals("HEAD")) return 0;
        if (noBodyStatus.test(status)) return 0;
        if (chunked) return -1;
        if (!cls.isEmpty() && !(emptyIsAbsent && trim.apply(cls.get(0)).isEmpty())) return parse.parse(trim.apply(cls.get(0)));
        return isResponse ? -1 : 0;
    }

    private static boolean noBody(int status) {
        return (status >= 100 && status <= 199) || status == 204 || status == 304;
    }

    /** Reads digits into a long and takes a negative result as overflow: a 20-digit length wraps to 4. */
    public static final class OverflowWhenNegative {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return studentLength(isResponse, status, requestMethod, contentLengths, chunked,
                    BodyFramingChaffs::trimBlanks, BodyFramingChaffs::noBody, true, v -> {
                        long n = 0;
                        for (char c : v.toCharArray()) {
                            if (c < '0' || c > '9') throw new IOException("bad Content-Length");
                            n = n * 10 + (c - '0');
                            if (n < 0) throw new IOException("Content-Length overflows");
                        }
                        return n;
                    });
        }
    }

    /** Knows 100 Continue and 101 Switching Protocols as the informational statuses, not 102, 103 or 199. */
    public static final class InformationalIs100And101 {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return studentLength(isResponse, status, requestMethod, contentLengths, chunked,
                    BodyFramingChaffs::trimBlanks, st -> st == 100 || st == 101 || st == 204 || st == 304, true,
                    BodyFramingChaffs::digitsOnly);
        }
    }

    /** Parses an empty Content-Length and refuses it, where the library takes it as absent. */
    public static final class EmptyLengthRejected {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return studentLength(isResponse, status, requestMethod, contentLengths, chunked,
                    BodyFramingChaffs::trimBlanks, BodyFramingChaffs::noBody, false, BodyFramingChaffs::digitsOnly);
        }
    }

    /** String.trim(), which also drops \v, \f, NUL and every other control byte around the number. */
    public static final class JavaTrim {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            return studentLength(isResponse, status, requestMethod, contentLengths, chunked,
                    String::trim, BodyFramingChaffs::noBody, true, BodyFramingChaffs::digitsOnly);
        }
    }

    /** Compares several Content-Length fields before trimming them: "5" and " 5" are taken to disagree. */
    public static final class ComparesUntrimmed {
        public static long bodyLength(boolean isResponse, int status, String requestMethod,
                List<String> contentLengths, boolean chunked) throws IOException {
            for (String v : contentLengths) {
                if (!v.equals(contentLengths.get(0))) throw new IOException("conflicting Content-Length");
            }
            return studentLength(isResponse, status, requestMethod, contentLengths, chunked,
                    BodyFramingChaffs::trimBlanks, BodyFramingChaffs::noBody, true, BodyFramingChaffs::digitsOnly);
        }
    }
}
