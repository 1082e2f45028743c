package nethttp.core;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import nethttp.annotations.Mirrors;

/**
 * The default error log of the server and the transport: Go's standard logger, which writes each
 * line to standard error after the local date and time, {@code 2009/11/10 23:00:00 message}, and
 * ends it with a newline unless it has one.
 */
@Mirrors(file = "log/log.go", func = "Printf")
public final class StdLog {
    private StdLog() {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    /**
     * Loaded with the class, so that the first log line does not have to open the time-zone
     * data: when it is written because the file descriptors ran out, it could not.
     */
    private static final ZoneId ZONE = zone();

    private static ZoneId zone() {
        try {
            ZoneId zone = ZoneId.systemDefault();
            zone.getRules();
            return zone;
        } catch (Throwable e) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * {@link #print} as a log for a field's initial value: reading it loads this class, and with
     * it the time zone, when the server or transport is made rather than at the first failure.
     */
    public static final Consumer<String> STDERR = StdLog::print;

    /** Writes {@code msg} to standard error as one line of Go's standard logger. */
    public static void print(String msg) {
        printTo(System.err, LocalDateTime.now(ZONE), msg);
    }

    /**
     * Writes the line's bytes, not its chars: Go's log writes a string's bytes as they are, and a
     * UTF-8 terminal shows the characters. A message that carries request bytes (a path, a header
     * value) holds them one char per byte, while one written in Java is text; which of the two a
     * message is, {@link GoStrings#bytes} decides by its content, so that both come out as Go's.
     */
    static void printTo(PrintStream out, LocalDateTime time, String msg) {
        String line = TIME.format(time) + " " + msg;
        if (!line.endsWith("\n")) line += "\n";
        byte[] bytes = GoStrings.bytes(line);
        out.write(bytes, 0, bytes.length); // one call, so that lines from two threads do not mix
        out.flush();
    }
}
