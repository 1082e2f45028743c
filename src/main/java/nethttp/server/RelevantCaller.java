package nethttp.server;

import java.security.CodeSource;
import nethttp.annotations.Mirrors;

/**
 * Names the code that called into the library, for log lines such as "superfluous
 * response.WriteHeader call from ...": the first frame on the stack that is not the library's
 * own, spelled as Go spells a frame, {@code function (file:line)}.
 *
 * <p>Go skips frames whose function starts with {@code net/http.}; here a frame is the
 * library's when its class was loaded from the library's own code source (its jar or classes
 * folder), the demo application aside. Package names alone would not do: a handler written in a
 * test of the same package is the caller the log should point at.
 */
final class RelevantCaller {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource LIBRARY = RelevantCaller.class.getProtectionDomain().getCodeSource();

    private RelevantCaller() {}

    /** {@code class.method (File.java:line)} of the nearest frame outside the library. */
    @Mirrors(file = "net/http/server.go", func = "relevantCaller")
    static String describe() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f.getDeclaringClass()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + " (" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown (unknown:0)"));
    }

    /** The library's own classes; the demo application that ships with it is a caller like any other. */
    private static boolean isLibrary(Class<?> c) {
        if (c.getPackageName().equals("nethttp.demo")) return false;
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (LIBRARY == null || cs == null) return LIBRARY == null && c.getPackageName().startsWith("nethttp.");
        return LIBRARY.getLocation().equals(cs.getLocation());
    }
}
