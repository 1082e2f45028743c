package nethttp.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nethttp.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The differential suite: every request of the corpus ({@code src/test/resources/differential/})
 * goes, as raw bytes on a fresh connection, both to Go 1.19's net/http (the program in
 * {@code src/test/go/echoserver}) and to this library's server running the same demo routes,
 * and the two transcripts must be identical: status line, header lines in order (all but the
 * date), body bytes including the chunk framing, and whether the connection stayed open.
 *
 * <p>With {@code -Ddifferential.against=go} the second side is Go itself again: a check that
 * every case is deterministic, useful when adding cases. With {@code
 * -Ddifferential.dump=FOLDER} both transcripts of every case are written to that folder.
 */
@Tag("differential")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialTest {

    /**
     * Differences from Go that are kept on purpose, by case name, each with its reason. A listed
     * case passes when the transcripts differ and fails when they agree (so that the list never
     * outlives the difference). The aim is an empty list.
     */
    static final Map<String, String> DELIBERATE_DIFFERENCES = Map.of(
            "22-reply-helpers/error-escaped-latin1",
            "a Java string holding bytes that are not UTF-8 cannot be told from text, and is sent as"
                    + " text (GoStrings; README, Deliberate differences)");

    /**
     * The timeouts of the second pair of servers, which {@code @timeouts} cases play against:
     * long enough that a whole request sent in one write always beats them on a loaded machine,
     * short enough that a case waiting for one stays quick.
     */
    static final Duration READ_HEADER_TIMEOUT = Duration.ofSeconds(1);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    private Process go;
    private InetSocketAddress goAddress;
    private Server ours;
    private ServerSocket oursSocket;
    private InetSocketAddress oursAddress;
    private Process goTimeouts;
    private InetSocketAddress goTimeoutsAddress;
    private Server oursTimeouts;
    private InetSocketAddress oursTimeoutsAddress;
    /** What our server with timeouts logged; Go's logs nothing for any case of the corpus. */
    private final java.util.Queue<String> oursTimeoutsLog = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @BeforeAll
    void startBothServers() throws Exception {
        Path exe = GoProgram.build("echoserver");
        go = startGo(exe, "echoserver.log");
        goAddress = addressOf(go, exe, "echoserver.log");
        goTimeouts = startGo(exe, "echoserver-timeouts.log",
                "-read-header-timeout=" + READ_HEADER_TIMEOUT.toMillis() + "ms",
                "-read-timeout=" + READ_TIMEOUT.toMillis() + "ms",
                "-write-timeout=" + WRITE_TIMEOUT.toMillis() + "ms",
                "-idle-timeout=" + IDLE_TIMEOUT.toMillis() + "ms");
        goTimeoutsAddress = addressOf(goTimeouts, exe, "echoserver-timeouts.log");

        if ("go".equals(System.getProperty("differential.against"))) {
            oursAddress = goAddress;
            oursTimeoutsAddress = goTimeoutsAddress;
            return;
        }
        ours = new Server();
        // Our server's log goes to a file beside Go's, not into the build's output.
        Path oursLog = exe.resolveSibling("nethttp-server.log");
        ours.errorLog = line -> {
            try {
                Files.writeString(oursLog, line + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        oursSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        oursAddress = serveInBackground(ours, oursSocket);
        oursTimeouts = new Server();
        oursTimeouts.readHeaderTimeout = READ_HEADER_TIMEOUT;
        oursTimeouts.readTimeout = READ_TIMEOUT;
        oursTimeouts.writeTimeout = WRITE_TIMEOUT;
        oursTimeouts.idleTimeout = IDLE_TIMEOUT;
        oursTimeouts.errorLog = oursTimeoutsLog::add;
        oursTimeoutsAddress = serveInBackground(oursTimeouts, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    private static Process startGo(Path exe, String logName, String... flags) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(exe.toString()));
        command.addAll(List.of(flags));
        Path log = exe.resolveSibling(logName);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        p.getOutputStream().close();
        return p;
    }

    /** The address the Go program prints as its first line. */
    private static InetSocketAddress addressOf(Process p, Path exe, String logName) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String address = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        if (address == null) fail("the Go echo server did not print its address; see " + exe.resolveSibling(logName));
        int colon = address.lastIndexOf(':');
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    /** Serves the demo routes with {@code server} on {@code socket}; returns the address. */
    private static InetSocketAddress serveInBackground(Server server, ServerSocket socket) {
        server.handler = DifferentialRoutes.handler();
        Thread.ofVirtual().start(() -> {
            try {
                server.serve(socket);
            } catch (IOException e) {
                // Closing the server ends serve with an exception; nothing to report.
            }
        });
        return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
    }

    @AfterAll
    void stopBothServers() throws Exception {
        if (ours != null) ours.close();
        if (oursSocket != null) oursSocket.close();
        if (oursTimeouts != null) oursTimeouts.close();
        for (Process p : new Process[] {go, goTimeouts}) {
            if (p == null) continue;
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    @TestFactory
    Stream<DynamicTest> sameBytesAsGo() throws IOException {
        List<CorpusCase> corpus = CorpusReader.loadAll();
        assertTrue(corpus.size() >= 120, "the corpus should hold at least 120 cases, has " + corpus.size());
        return corpus.stream().map(c -> DynamicTest.dynamicTest(c.name() + ": " + c.description(), () -> compare(c)));
    }

    @Test
    void everyDeliberateDifferenceNamesARealCase() throws IOException {
        Set<String> names = CorpusReader.loadAll().stream().map(CorpusCase::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(DELIBERATE_DIFFERENCES.keySet());
        unknown.removeAll(names);
        assertEquals(Set.of(), unknown, "allow-listed cases that are not in the corpus");
    }

    private void compare(CorpusCase c) throws Exception {
        String theirs;
        String mine;
        if (c.timeouts()) {
            // Both at once: a case that waits for a timeout then costs one wait, not two.
            CompletableFuture<String> go = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    go.complete(play("Go 1.19", goTimeoutsAddress, c));
                } catch (Throwable e) {
                    go.completeExceptionally(e);
                }
            });
            mine = play("nethttp", oursTimeoutsAddress, c);
            try {
                theirs = go.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
            // The server logs before it closes, and every case ends with a close or an answer.
            List<String> logged = new java.util.ArrayList<>();
            for (String line; (line = oursTimeoutsLog.poll()) != null; ) logged.add(line);
            if (!logged.isEmpty()) fail(c.name() + ": Go logs nothing here, nethttp logged " + logged);
        } else {
            theirs = play("Go 1.19", goAddress, c);
            mine = play("nethttp", oursAddress, c);
        }
        dump(c, theirs, mine);
        String reason = DELIBERATE_DIFFERENCES.get(c.name());
        if (reason != null) {
            assertTrue(!theirs.equals(mine), c.name() + " is listed as a deliberate difference (" + reason
                    + ") but now answers exactly as Go: remove it from DELIBERATE_DIFFERENCES");
            return;
        }
        if (!theirs.equals(mine)) fail(report(c, theirs, mine));
    }

    private static String play(String who, InetSocketAddress server, CorpusCase c) throws Exception {
        try {
            return RawExchange.run(server, c);
        } catch (AssertionError e) {
            throw new AssertionError(c.name() + " against " + who + ": " + e.getMessage(), e);
        }
    }

    /**
     * With {@code -Ddifferential.dump=FOLDER}, writes each case's two transcripts there, so that
     * a reader can look at Go's answers (the corpus's expected results) case by case.
     */
    private static void dump(CorpusCase c, String theirs, String mine) throws IOException {
        String folder = System.getProperty("differential.dump");
        if (folder == null || folder.isBlank()) return;
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        String file = c.name().replace('/', '_');
        String header = "=== " + c.name() + ": " + c.description() + "\n--- request:\n  " + RawExchange.escape(c.request()) + "\n";
        String request = header.length() > 3000 ? header.substring(0, 3000) + "...\n" : header;
        Files.writeString(dir.resolve(file + ".go.txt"), request + theirs, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve(file + ".nethttp.txt"), request + mine, StandardCharsets.ISO_8859_1);
    }

    private static String report(CorpusCase c, String theirs, String mine) {
        String request = RawExchange.escape(c.request());
        if (request.length() > 2000) {
            request = request.substring(0, 1000) + " ... (" + c.request().length + " bytes) ... "
                    + request.substring(request.length() - 500);
        }
        return "\n=== " + c.name() + ": " + c.description()
                + "\n--- request:\n  " + request
                + "\n--- first difference:\n" + firstDifference(theirs, mine)
                + "\n--- Go 1.19 answered:\n" + shorten(theirs)
                + "--- nethttp answered:\n" + shorten(mine);
    }

    private static String firstDifference(String theirs, String mine) {
        String[] a = theirs.split("\n", -1);
        String[] b = mine.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<nothing>";
            String y = i < b.length ? b[i] : "<nothing>";
            if (!x.equals(y)) return "  line " + (i + 1) + "\n  Go:      " + shorten(x) + "\n  nethttp: " + shorten(y);
        }
        return "  none";
    }

    private static String shorten(String s) {
        return s.length() <= 6000 ? s : s.substring(0, 4000) + "\n... (" + s.length() + " chars) ...\n" + s.substring(s.length() - 1500);
    }
}
