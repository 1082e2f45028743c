package nethttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The library's jar and the demo's jar, as {@code mvn package} leaves them: the library ships no
 * class of the command line, and the demo jar holds the whole command line and nothing else.
 *
 * <p>It runs in the {@code verify} phase, once the jars exist (see the module's pom); its name
 * keeps it out of the ordinary test run, which happens before packaging.
 */
class LibraryJarCheck {

    private static Path jar(String property) {
        String path = System.getProperty(property);
        assertTrue(path != null && Files.isRegularFile(Path.of(path)),
                "the build passes the jar's path in " + property + ": " + path);
        return Path.of(path);
    }

    private static List<String> classes(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
        }
    }

    @Test
    void theLibraryJarHoldsTheLibraryAndNoDemoClass() throws IOException {
        List<String> library = classes(jar("nethttp.libraryJar"));
        assertTrue(library.contains("nethttp/server/Server.class"), "the library jar holds the server");
        assertEquals(List.of(), library.stream().filter(n -> n.startsWith("nethttp/demo/")).toList());
        try (JarFile f = new JarFile(jar("nethttp.libraryJar").toFile())) {
            assertFalse(f.getManifest() != null && f.getManifest().getMainAttributes().getValue("Main-Class") != null,
                    "the library has no main class");
        }
    }

    @Test
    void theDemoJarHoldsTheCommandLineAndNamesTheLibrary() throws IOException {
        Path demo = jar("nethttp.demoJar");
        List<String> classes = classes(demo);
        assertTrue(classes.contains("nethttp/demo/Main.class"));
        assertEquals(List.of(), classes.stream().filter(n -> !n.startsWith("nethttp/demo/")).toList());
        try (JarFile f = new JarFile(demo.toFile())) {
            var attributes = f.getManifest().getMainAttributes();
            assertEquals("nethttp.demo.Main", attributes.getValue("Main-Class"));
            assertEquals(jar("nethttp.libraryJar").getFileName().toString(), attributes.getValue("Class-Path"));
        }
    }
}
