package nethttp.exercises;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * A stream that passes every line on but the JVM's and the model checker's notes about their
 * own internals (the JDK's warning that {@code sun.misc.Unsafe} is deprecated, Lincheck's
 * {@code [WARN]}s), which say nothing about the student's code. {@code -Dexercises.verbose=true}
 * shows them.
 */
final class QuietStream extends OutputStream {
    private static final List<String> NOISE = List.of("WARNING: A terminally deprecated method in sun.misc.Unsafe",
            "WARNING: sun.misc.Unsafe::", "WARNING: Please consider reporting this to the maintainers of class org.jetbrains",
            "[WARN] Failed to get object field offset", "[WARN] Cannot reproduce the interleaving");

    private final PrintStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private QuietStream(PrintStream out) {
        this.out = out;
    }

    /** {@code out}, less the noise. */
    static PrintStream over(PrintStream out) {
        if (Boolean.getBoolean("exercises.verbose")) return out;
        return new PrintStream(new QuietStream(out), true, out.charset());
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') flushLine();
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }

    private void flushLine() {
        String text = line.toString(Charset.forName("ISO-8859-1"));
        if (NOISE.stream().noneMatch(text::startsWith)) out.write(line.toByteArray(), 0, line.size());
        line.reset();
    }
}
