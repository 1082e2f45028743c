package nethttp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph follows Go's layering: {@code net/textproto} and {@code net/url} know nothing
 * of HTTP, the server and the client share only what lies below them, and the demo is an
 * application on top that nothing imports. The rules read the compiled library; the fixture in
 * {@code nethttp.archfixture} breaks each of them once, to show that they can fail.
 */
class LayeringTest {

    /**
     * The layers, bottom to top. A package may import the packages on lower rows only; packages
     * on one row are independent of each other. Rows for packages that do not exist are allowed
     * to stay empty.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("annotations"),          // @Mirrors, which every package uses
            List.of("concurrent", "sniff"),  // channels and time.AfterFunc; net/http/sniff.go
            List.of("textproto"),            // net/textproto, bufio, httpguts
            List.of("url"),                  // net/url
            List.of("core"),                 // what server and client share: Header, Request, Context
            List.of("event"),                // the event model: ConnState, httptrace, threads
            List.of("transfer"),             // net/http/transfer.go, internal/chunked.go
            List.of("wire"),                 // reading and writing a message's head
            List.of("mux"),                  // ServeMux
            List.of("server"),               // net/http/server.go
            List.of("cookiejar", "gzip", "httptrace"), // net/http/cookiejar, compress/gzip, net/http/httptrace
            List.of("getconn"),              // transport.go's getConn race: wantConn, the idle pool, per-host limits
            List.of("transport"),            // net/http/transport.go
            List.of("client"),               // net/http/client.go
            List.of("demo"));                // the command line: an application of the library

    /** The client side, which must not import the server side although it sits above it. */
    static final List<String> CLIENT_SIDE = List.of("cookiejar", "gzip", "httptrace", "getconn", "transport", "client");
    static final List<String> SERVER_SIDE = List.of("mux", "server");

    /** Go's net/http is one package; this project splits it, so the line count stays readable. */
    static final int MAX_PACKAGE_LINES = 2_000;

    /** Packages allowed to be larger, and why. */
    static final Map<String, String> LARGE_PACKAGES = Map.of(
            "server", "server.go's conn, response and chunkWriter share the connection's state"
                    + " (buffers, deadlines, hijacking, the write error): split, that state would"
                    + " have to become public API (see the package-info)",
            "transport", "persistConn's read loop, write loop and roundTrip share the connection's"
                    + " lock, channels and closing, and Transport's retries and cancellation reach into"
                    + " them; getConn and the idle pool are in getconn already");

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nethttp");

    /** The rules, for the packages under {@code root}. */
    static List<ArchRule> rules(String root) {
        List<String> all = LAYERS.stream().flatMap(List::stream).toList();
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String p : all) layers = layers.layer(p).definedBy(root + "." + p + "..");
        for (int row = 0; row < LAYERS.size(); row++) {
            String[] above = LAYERS.subList(row + 1, LAYERS.size()).stream().flatMap(List::stream)
                    .toArray(String[]::new);
            for (String p : LAYERS.get(row)) {
                layers = above.length == 0
                        ? layers.whereLayer(p).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(p).mayOnlyBeAccessedByLayers(above);
            }
        }
        return List.of(
                slices().matching(root + ".(*)..").should().beFreeOfCycles()
                        .as("no package cycle among " + root + ".*"),
                layers.as("each package imports only packages on lower layers"),
                noClasses().that().resideInAnyPackage(packages(root, CLIENT_SIDE))
                        .should().dependOnClassesThat().resideInAnyPackage(packages(root, SERVER_SIDE))
                        .as("the client side imports nothing of the server side"),
                classes().that().resideInAPackage(root + "..")
                        .should().resideInAnyPackage(packages(root, all))
                        .as("every package has its place in LAYERS"));
    }

    private static String[] packages(String root, List<String> names) {
        return names.stream().map(n -> root + "." + n + "..").toArray(String[]::new);
    }

    @Test
    void theLibraryFollowsTheLayers() {
        assertTrue(LIBRARY.size() > 100, "the library's classes were found: " + LIBRARY.size());
        for (ArchRule rule : rules("nethttp")) rule.check(LIBRARY);
    }

    @Test
    void eachRuleFailsOnTheFixtureThatBreaksIt() {
        JavaClasses fixture = new ClassFileImporter().importPackages("nethttp.archfixture");
        List<ArchRule> rules = rules("nethttp.archfixture");
        String cycles = String.join("\n", rules.get(0).evaluate(fixture).getFailureReport().getDetails());
        assertTrue(cycles.contains("Cycle detected: Slice core -> ") && cycles.contains("Slice textproto"),
                "the cycle between core and textproto is reported:\n" + cycles);
        String layering = String.join("\n", rules.get(1).evaluate(fixture).getFailureReport().getDetails());
        assertTrue(layering.contains("nethttp.archfixture.textproto.Lines") && layering.contains("nethttp.archfixture.core.Fields"),
                "textproto reaching up into core is reported:\n" + layering);
        assertTrue(layering.contains("nethttp.archfixture.core.Fields") && layering.contains("nethttp.archfixture.demo.App"),
                "importing the demo is reported:\n" + layering);
        String sides = String.join("\n", rules.get(2).evaluate(fixture).getFailureReport().getDetails());
        assertTrue(sides.contains("nethttp.archfixture.client.Fetch") && sides.contains("nethttp.archfixture.server.Serve"),
                "the client reaching into the server is reported:\n" + sides);
        String placed = String.join("\n", rules.get(3).evaluate(fixture).getFailureReport().getDetails());
        assertTrue(placed.contains("nethttp.archfixture.misc.Stray"), "an undeclared package is reported:\n" + placed);
        assertEquals(1, placed.lines().filter(l -> l.startsWith("Class <")).count(), "declared packages are not:\n" + placed);
    }

    /** Lines of Java source per package under {@code sources}, keyed by the name below {@code nethttp}. */
    static Map<String, Integer> linesPerPackage(Path sources) {
        Map<String, Integer> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = sources.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
                lines.merge(pkg, Files.readAllLines(f).size(), Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The packages over the limit that {@code reasons} does not excuse, with their line counts. */
    static List<String> oversized(Map<String, Integer> lines, Map<String, String> reasons) {
        List<String> out = new ArrayList<>();
        lines.forEach((pkg, n) -> {
            if (n > MAX_PACKAGE_LINES && !reasons.containsKey(pkg)) out.add(pkg + " (" + n + " lines)");
        });
        return out;
    }

    @Test
    void noPackageOutgrowsAReaderWithoutAReason() {
        Path sources = Path.of("main", "java", "nethttp");
        assertTrue(Files.isDirectory(sources), "run from the library's module folder: " + sources.toAbsolutePath());
        Map<String, Integer> lines = linesPerPackage(sources);
        assertTrue(lines.keySet().containsAll(List.of("core", "server", "textproto")), lines.toString());
        assertEquals(List.of(), oversized(lines, LARGE_PACKAGES));
        // An excuse for a package that has shrunk or gone is stale: drop it from the list.
        LARGE_PACKAGES.keySet().forEach(pkg -> assertTrue(lines.getOrDefault(pkg, 0) > MAX_PACKAGE_LINES * 9 / 10,
                pkg + " is no longer large (" + lines.get(pkg) + " lines): remove it from LARGE_PACKAGES"));
    }

    @Test
    void theSizeCheckNamesAnUnexcusedLargePackage() {
        Map<String, Integer> lines = Map.of("small", 10, "big", MAX_PACKAGE_LINES + 1, "excused", 9_999);
        assertEquals(List.of("big (2001 lines)"), oversized(new TreeMap<>(lines), Map.of("excused", "because")));
    }
}
