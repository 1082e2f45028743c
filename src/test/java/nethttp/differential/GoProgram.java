package nethttp.differential;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds and starts the small Go programs under {@code src/test/go/} that the tests compare
 * against: Go's own implementation is the specification.
 *
 * <p>When no {@code go} command is on the {@code PATH}, a test that needs one is skipped with a
 * hint, unless the system property {@code differential.required} is {@code "true"} (as in CI),
 * in which case it fails: there the comparison must not silently vanish.
 */
public final class GoProgram {
    private static final long BUILD_TIMEOUT_MINUTES = 10;

    private GoProgram() {}

    /**
     * Builds {@code test/go/NAME/main.go} of the library module into {@code target/go/NAME} and
     * returns the executable. Each program is built at most once per test run.
     */
    public static synchronized Path build(String name) throws IOException, InterruptedException {
        Path go = requireGo();
        Path module = moduleDir();
        Path source = module.resolve("test/go").resolve(name).resolve("main.go");
        Path outDir = module.resolve("target/go");
        Path exe = outDir.resolve(name);
        if (BUILT.contains(name) && Files.isExecutable(exe)) return exe;
        Files.createDirectories(outDir);

        ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", exe.toString(), source.toString());
        pb.directory(source.getParent().toFile());
        withGoEnvironment(pb.environment(), outDir);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            Assertions.fail("go build " + source + " did not finish in " + BUILD_TIMEOUT_MINUTES + " minutes");
        }
        if (p.exitValue() != 0) {
            Assertions.fail("go build " + source + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        BUILT.add(name);
        return exe;
    }

    private static final List<String> BUILT = new ArrayList<>();

    /**
     * A clean CI environment may have no {@code HOME} and no Go cache: point both into
     * {@code target/} so the build works there and leaves nothing outside the project.
     */
    private static void withGoEnvironment(Map<String, String> env, Path outDir) {
        if (isBlank(env.get("HOME"))) env.put("HOME", outDir.resolve("home").toString());
        if (isBlank(env.get("GOCACHE"))) env.put("GOCACHE", outDir.resolve("cache").toString());
        if (isBlank(env.get("GOPATH"))) env.put("GOPATH", outDir.resolve("gopath").toString());
        env.put("GO111MODULE", "auto");
        env.put("CGO_ENABLED", "0");
    }

    /** The {@code go} executable on the PATH, or a skipped (or, when required, failed) test. */
    static Path requireGo() {
        Path go = findOnPath("go");
        if (go == null) {
            String message = "The differential tests compare with Go's net/http and need the go command "
                    + "(Go 1.19) on the PATH: install golang-go (for example apt-get install golang-go).";
            if ("true".equals(System.getProperty("differential.required"))) Assertions.fail(message);
            Assumptions.assumeTrue(false, message);
        }
        return go;
    }

    private static Path findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /**
     * The library module's folder (the one holding {@code pom.xml}, {@code main/} and
     * {@code test/}). Maven runs tests in it and names it in {@code basedir}; from anywhere else
     * the search walks up from the working directory.
     */
    static Path moduleDir() {
        List<Path> starts = new ArrayList<>();
        String basedir = System.getProperty("basedir");
        if (!isBlank(basedir)) starts.add(Path.of(basedir));
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("test/go"))) return dir;
                if (Files.isDirectory(dir.resolve("src/test/go"))) return dir.resolve("src");
            }
        }
        throw new IllegalStateException("cannot find the library module (a folder with test/go) above " + starts);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
