package nethttp.book;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The book's "Try it" commands, run against a live demo server, their output compared with the
 * output the book shows.
 *
 * <p>A command to run sits in a {@code [source,console]} block, after a {@code $ } prompt (a line
 * ending in a backslash goes on on the next); the lines up to the next prompt are what the book
 * says it prints. The demo server's own command ({@code mvn ... -Dnethttp.args="serve ..."})
 * starts a server, on a port of the system's choosing, that serves every command after it in the
 * same file, until the next {@code serve}; the lines shown under it are an excerpt of what the
 * server prints: each must appear in its output, in that order, by the time it is stopped (the
 * threads of a server print in an order that varies, so the lines between are not compared).
 * Every other command runs in {@code bash}, with the
 * book's {@code 127.0.0.1:8080} turned into the server's real address and {@code mvn ...
 * -Dnethttp.args="..."} into the same program run directly, and its standard output and error
 * together are compared.
 *
 * <p>Before comparing, both sides are normalised: the {@code Date} header, durations ({@code
 * 12.750ms}, {@code 2 s}), client port numbers, curl's version and runs of blanks are made the same, and the
 * server's real port becomes 8080 again. A shown line {@code ...} stands for any number of lines.
 * A command against the demo server in any other kind of block ({@code [source,shell]}) is a
 * failure too, since nothing runs it.
 */
final class TryIt {
    private TryIt() {}

    /** One command of a console block and the output the book shows for it. */
    record Command(Path file, int line, String text, List<String> shown) {
        boolean isServe() {
            return SERVE.matcher(text).find();
        }

        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    private static final Pattern MVN = Pattern.compile(
            "mvn -q -pl src compile exec:exec -Dnethttp\\.args=\"([^\"]*)\"");
    private static final Pattern SERVE = Pattern.compile("-Dnethttp\\.args=\"serve\\b([^\"]*)\"");
    /** The visualizer started as a live server: like {@link #SERVE}, it starts a server. */
    private static final Pattern LISTEN = Pattern.compile("-Dvisualizer\\.args=\"[^\"]*--listen ");
    /** What makes a command one against the demo server, wherever it is written. */
    private static final Pattern DEMO = Pattern.compile(
            "\\bcurl\\b|\\bnc \\d|-Dnethttp\\.args=\"(get|post)\\b|127\\.0\\.0\\.1[: ]8080");
    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    /** How long a server's output may take to come out whole, after the last command ended. */
    private static final long SETTLE_SECONDS = 15;

    /** The commands of the console blocks of one page, in order. */
    static List<Command> commands(Path page) {
        List<String> text = Tags.lines(page);
        List<Command> out = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            if (!isConsoleBlock(text.get(i)) || i + 1 >= text.size() || !text.get(i + 1).equals("----")) continue;
            int j = i + 2;
            StringBuilder cmd = null;
            int cmdLine = 0;
            List<String> shown = new ArrayList<>();
            for (; j < text.size() && !text.get(j).equals("----"); j++) {
                String line = text.get(j);
                if (line.startsWith("$ ")) {
                    if (cmd != null) out.add(new Command(page, cmdLine, cmd.toString(), shown));
                    cmd = new StringBuilder(line.substring(2));
                    cmdLine = j + 1;
                    shown = new ArrayList<>();
                    while (cmd.toString().endsWith("\\") && j + 1 < text.size()) {
                        cmd.append('\n').append(text.get(++j)); // bash joins the lines again
                    }
                } else if (cmd != null) {
                    shown.add(line);
                }
            }
            if (cmd != null) out.add(new Command(page, cmdLine, cmd.toString(), shown));
            i = j;
        }
        return out;
    }

    private static boolean isConsoleBlock(String line) {
        return line.startsWith("[source,console");
    }

    /**
     * Commands against the demo server written where nothing runs them: in a listing block that
     * is neither a console block nor Java source.
     */
    static List<String> unexecuted(Path page) {
        List<String> text = Tags.lines(page);
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        boolean exempt = false;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            if (line.equals("----")) {
                String attributes = i > 0 ? text.get(i - 1) : "";
                exempt = !inBlock && (isConsoleBlock(attributes) || attributes.startsWith("[source,java"));
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || exempt) continue;
            String code = line.contains(" #") ? line.substring(0, line.indexOf(" #")) : line;
            if (DEMO.matcher(code).find() && !SERVE.matcher(code).find()
                    && !LISTEN.matcher(code).find()) {
                out.add(page.getFileName() + ":" + (i + 1)
                        + ": a command against the demo server outside a [source,console] block, so no test runs it: "
                        + line.strip());
            }
        }
        return out;
    }

    private static final Pattern DATE = Pattern.compile("^Date: .*$");
    private static final Pattern DURATION = Pattern.compile(
            "\\b\\d+(\\.\\d+)?( ?)(ms|s|milliseconds|seconds)\\b");
    private static final Pattern CURL_VERSION = Pattern.compile("\\bcurl/[\\w.-]+");
    private static final Pattern CLIENT_PORT = Pattern.compile("127\\.0\\.0\\.1:(?!8080\\b)\\d+");

    /** One line as it is compared: Date, durations and client ports made the same, blanks collapsed. */
    static String normalise(String line) {
        String s = line.replace("\r", "");
        s = DATE.matcher(s).replaceAll("Date: (date)");
        s = DURATION.matcher(s).replaceAll("(t)$2$3");
        s = CURL_VERSION.matcher(s).replaceAll("curl/(version)");
        s = CLIENT_PORT.matcher(s).replaceAll("127.0.0.1:(port)");
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Whether {@code actual} is what {@code shown} says, with {@code ...} standing for any lines. */
    static boolean matches(List<String> shown, List<String> actual) {
        List<String> want = trimEnd(shown.stream().map(TryIt::normalise).toList());
        List<String> got = trimEnd(actual.stream().map(TryIt::normalise).toList());
        return match(want, 0, got, 0);
    }

    private static boolean match(List<String> want, int w, List<String> got, int g) {
        if (w == want.size()) return g == got.size();
        if (want.get(w).equals("...")) {
            for (int k = g; k <= got.size(); k++) if (match(want, w + 1, got, k)) return true;
            return false;
        }
        return g < got.size() && want.get(w).equals(got.get(g)) && match(want, w + 1, got, g + 1);
    }

    /**
     * Whether every line of {@code shown} but {@code ...} appears in {@code actual}, in order,
     * with any lines between: how a server's trace, which its threads print in varying order, is
     * compared with the excerpt a book shows.
     */
    static boolean containsInOrder(List<String> shown, List<String> actual) {
        int g = 0;
        for (String line : shown) {
            String want = normalise(line);
            if (want.equals("...") || want.isEmpty()) continue;
            while (g < actual.size() && !normalise(actual.get(g)).equals(want)) g++;
            if (g == actual.size()) return false;
            g++;
        }
        return true;
    }

    private static List<String> trimEnd(List<String> lines) {
        int n = lines.size();
        while (n > 0 && lines.get(n - 1).isEmpty()) n--;
        return lines.subList(0, n);
    }

    /**
     * Runs every console command of the pages against demo servers started with {@code nethttp}
     * (the command line that runs the project's {@code Main}), and returns every failure: a
     * command whose output differs from the book's, one that does not finish, a demo-server
     * command outside a console block. Empty when the book and the program agree.
     */
    static List<String> check(List<Path> pages, List<String> nethttp) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("tryit");
        Path launcher = scratch.resolve("nethttp");
        StringBuilder script = new StringBuilder("#!/bin/sh\nexec");
        for (String part : nethttp) script.append(' ').append(shellQuote(part));
        Files.writeString(launcher, script.append(" \"$@\"\n").toString());
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));

        try {
            return check(pages, nethttp, launcher, scratch);
        } finally {
            Files.delete(launcher);
            Files.delete(scratch);
        }
    }

    private static List<String> check(List<Path> pages, List<String> nethttp, Path launcher, Path scratch)
            throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (Path page : pages) {
            failures.addAll(unexecuted(page));
            DemoServer server = null;
            try {
                for (Command c : commands(page)) {
                    if (c.isServe()) {
                        if (server != null) failures.addAll(server.stop());
                        server = null;
                        server = DemoServer.start(c, nethttp);
                        continue;
                    }
                    if (server == null) {
                        failures.add(c.where() + ": no demo server started before: " + c.text());
                        continue;
                    }
                    List<String> got = runShell(c, server.port(), launcher, scratch);
                    if (!matches(c.shown(), got)) failures.add(difference(c, got));
                }
            } finally {
                if (server != null) failures.addAll(server.stop());
            }
        }
        return failures;
    }

    static String difference(Command c, List<String> got) {
        return c.where() + ": the output of `" + c.text() + "` is not what the book shows.\n"
                + "    book:\n" + indent(c.shown()) + "    actual:\n" + indent(got);
    }

    private static String indent(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            String shown = l.replace("\r", "");
            if (shown.length() > 200) shown = shown.substring(0, 200) + "... (" + shown.length() + " characters)";
            b.append("      | ").append(shown).append('\n');
        }
        return b.toString();
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The command as bash runs it here: the real port, and the program run directly. */
    static String localise(String command, int port, Path launcher) {
        Matcher m = MVN.matcher(command);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(shellQuote(launcher.toString()) + " " + m.group(1)));
        }
        m.appendTail(b);
        return b.toString().replace("127.0.0.1:8080", "127.0.0.1:" + port);
    }

    private static List<String> runShell(Command c, int port, Path launcher, Path dir)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", localise(c.text(), port, launcher));
        pb.directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = readAll(p.getInputStream());
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return List.of("(did not finish within " + COMMAND_TIMEOUT_SECONDS + " seconds)");
        }
        return out.join().lines().map(l -> rewritePort(l, port)).toList();
    }

    private static String rewritePort(String line, int port) {
        return line.replace("127.0.0.1:" + port, "127.0.0.1:8080");
    }

    private static CompletableFuture<String> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
    }

    /** A demo server started by a {@code serve} command of the book, on a port of its own. */
    record DemoServer(Command command, Process process, int port, List<String> output, Thread reader) {
        private static final Pattern SERVING = Pattern.compile("^serving on http://127\\.0\\.0\\.1:(\\d+)/");

        static DemoServer start(Command c, List<String> nethttp) throws IOException, InterruptedException {
            Matcher m = SERVE.matcher(c.text());
            if (!m.find()) throw new IllegalArgumentException(c.text());
            List<String> cmd = new ArrayList<>(nethttp);
            cmd.add("serve");
            for (String a : m.group(1).strip().split("\\s+")) if (!a.isEmpty()) cmd.add(a);
            cmd.add("--addr");
            cmd.add("127.0.0.1:0");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var r = p.inputReader(StandardCharsets.UTF_8)) {
                    for (String line; (line = r.readLine()) != null; ) {
                        Matcher s = SERVING.matcher(line);
                        if (s.find()) port.complete(Integer.parseInt(s.group(1)));
                        synchronized (output) {
                            output.add(line);
                            output.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the server was stopped
                } finally {
                    port.complete(-1);
                }
            });
            int bound;
            try {
                bound = port.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                bound = -1;
            }
            if (bound < 0) {
                p.destroyForcibly();
                throw new IllegalStateException(c.where() + ": the demo server did not start: " + output);
            }
            return new DemoServer(c, p, bound, output, reader);
        }

        /**
         * Stops the server; the failure, if what it printed is not what the book shows. The
         * server may still be printing the end of the last exchange (a connection's last state
         * comes after the client has its answer), so this first waits, for a bounded time, for the
         * output to match.
         */
        List<String> stop() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
            synchronized (output) {
                while (!command.shown().isEmpty() && !containsInOrder(command.shown(), printed())
                        && System.nanoTime() < deadline && process.isAlive()) {
                    output.wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
                }
            }
            process.destroy(); // SIGTERM: the server shuts down as after Ctrl-C
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            reader.join(TimeUnit.SECONDS.toMillis(COMMAND_TIMEOUT_SECONDS));
            List<String> got;
            synchronized (output) {
                got = printed();
            }
            if (containsInOrder(command.shown(), got)) return List.of();
            return List.of(difference(command, got));
        }

        /** What the server printed so far, with its port as the book writes it; hold the lock. */
        private List<String> printed() {
            return output.stream().map(l -> rewritePort(l, port)).toList();
        }
    }
}
