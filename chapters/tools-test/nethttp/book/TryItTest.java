package nethttp.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nethttp.demo.Main;
import nethttp.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every "Try it" command of the book and the README, run against a live demo server (the
 * project's own {@code serve}, on a port of the system's choosing) and compared with the output
 * the book shows; and the check itself, on pages made up to fail.
 */
class TryItTest {
    @TempDir
    Path dir;

    /** The project's command line, as {@code mvn ... exec:exec} runs it: this JVM, the library. */
    static List<String> nethttp() throws URISyntaxException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // The library and the command line: one folder of classes, or two jars once packaged.
        String classpath = Stream.of(Main.class, Server.class)
                .map(TryItTest::codeSource).distinct().collect(Collectors.joining(File.pathSeparator));
        return List.of(java, "-cp", classpath, "nethttp.demo.Main");
    }

    private static String codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> bookPages() {
        Path book = Path.of("").toAbsolutePath();
        List<Path> pages = new ArrayList<>(Tags.chapters(book));
        pages.addAll(ExerciseCheck.exercisePages(book));
        pages.add(book.resolveSibling("README.adoc"));
        return pages;
    }

    @Test
    void everyCommandOfTheBookPrintsWhatTheBookShows() throws Exception {
        List<Path> pages = bookPages();
        long commands = pages.stream().mapToLong(p -> TryIt.commands(p).size()).sum();
        assertTrue(commands >= 20, "the book's console blocks hold only " + commands + " commands");
        List<String> failures = TryIt.check(pages, nethttp());
        assertEquals(List.of(), failures, () -> String.join("\n", failures));
    }

    private Path page(String... lines) throws IOException {
        Path p = dir.resolve("ch01-try.adoc");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private static final String SERVE = "$ mvn -q -pl src compile exec:exec -Dnethttp.args=\"serve\"";

    @Test
    void aCommandWhoseOutputDriftedFails() throws Exception {
        Path right = page("[source,console]", "----", SERVE, "----", "", "[source,console]", "----",
                "$ curl -si http://127.0.0.1:8080/   # the hello route", "HTTP/1.1 200 OK",
                "Date: Mon, 23 Nov 2026 19:09:01 GMT", "Content-Length: 20",
                "Content-Type: text/plain; charset=utf-8", "", "Hello from nethttp!", "----");
        assertEquals(List.of(), TryIt.check(List.of(right), nethttp()));

        Path drifted = page("[source,console]", "----", SERVE, "----", "", "[source,console]", "----",
                "$ curl -s http://127.0.0.1:8080/", "Hello from Go!", "----");
        List<String> failures = TryIt.check(List.of(drifted), nethttp());
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("ch01-try.adoc:8: the output of `curl -s http://127.0.0.1:8080/`"),
                failures.get(0));
        assertTrue(failures.get(0).contains("| Hello from nethttp!"), failures.get(0));
    }

    @Test
    void theServerOutputAndTheClientCommandsAreCheckedToo() throws Exception {
        Path p = page("[source,console]", "----", SERVE,
                "serving on http://127.0.0.1:8080/  (routes: /, /echo, /stream, /slow; Ctrl-C stops)", "----",
                "[source,console]", "----",
                "$ mvn -q -pl src compile exec:exec -Dnethttp.args=\"get http://127.0.0.1:8080/nope\"",
                "HTTP/1.1 404 Not Found", "...", "404 page not found", "----");
        assertEquals(List.of(), TryIt.check(List.of(p), nethttp()));

        Path wrongBanner = page("[source,console]", "----", SERVE, "serving on port 8080", "----");
        List<String> failures = TryIt.check(List.of(wrongBanner), nethttp());
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("ch01-try.adoc:3: the output of"), failures.get(0));
    }

    @Test
    void aDemoCommandOutsideAConsoleBlockFails() throws Exception {
        Path p = page("[source,shell]", "----", "mvn -q -pl src compile exec:exec -Dnethttp.args=\"serve\"",
                "printf 'GET / HTTP/1.1\\r\\n\\r\\n' | nc 127.0.0.1 8080", "----");
        List<String> failures = TryIt.check(List.of(p), nethttp());
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("ch01-try.adoc:4: a command against the demo server outside"),
                failures.get(0));
    }

    @Test
    void normalisingKeepsWhatMattersAndDropsWhatVaries() {
        assertTrue(TryIt.matches(List.of("   41.970 ms  conn 1   state   new       127.0.0.1:50214"),
                List.of("  1041.5 ms  conn 1   state   new       127.0.0.1:61000")));
        assertFalse(TryIt.matches(List.of("41.970 ms  conn 1   state   new"),
                List.of("41.970 ms  conn 2   state   new")));
        assertTrue(TryIt.matches(List.of("a", "...", "d"), List.of("a", "b", "c", "d")));
        assertFalse(TryIt.matches(List.of("a", "...", "d"), List.of("a", "b", "c")));
        assertFalse(TryIt.matches(List.of("Host: 127.0.0.1:8080"), List.of("Host: 127.0.0.1:9090")));

        // A server's trace is an excerpt: its lines in order, anything between.
        List<String> trace = List.of("1 ms conn 1 state new", "2 ms thread accept parked on accept",
                "3 ms conn 1 state active", "4 ms conn 1 state idle");
        assertTrue(TryIt.containsInOrder(List.of("7 ms conn 1 state new", "...", "9 ms conn 1 state idle"), trace));
        assertFalse(TryIt.containsInOrder(List.of("4 ms conn 1 state idle", "3 ms conn 1 state active"), trace));
        assertFalse(TryIt.containsInOrder(List.of("5 ms conn 1 state closed"), trace));
    }

    @Test
    void curlCleansAPathItselfUnlessToldNotTo() throws Exception {
        // The book once said that this command gets a 301; curl sends /echo, and gets a 200.
        Path p = page("[source,console]", "----", SERVE, "----", "[source,console]", "----",
                "$ curl -s -o /dev/null -w '%{http_code}\\n' http://127.0.0.1:8080/a/../echo", "301", "----");
        List<String> failures = TryIt.check(List.of(p), nethttp());
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("| 200"), failures.get(0));

        Path fixed = page("[source,console]", "----", SERVE, "----", "[source,console]", "----",
                "$ curl -s -o /dev/null -w '%{http_code}\\n' --path-as-is http://127.0.0.1:8080/a/../echo", "301",
                "----");
        assertEquals(List.of(), TryIt.check(List.of(fixed), nethttp()));
    }
}
