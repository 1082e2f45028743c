package nethttp.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every exercise's stub is compiled from the copy the module's pom makes, laid out by package,
 * and none from its own folder: a source whose path does not match its package looks changed
 * to the compiler plugin on every build, so each grading would compile the whole module again.
 */
class StubsBuildTest {
    private static final Path DIR = Path.of(System.getProperty("exercises.dir", "."));

    @Test
    void everyStubIsCompiledFromThePackageLaidOutCopy() throws IOException {
        String pom = Files.readString(DIR.resolve("pom.xml"));
        for (Exercise<?> ex : Catalog.all()) {
            assertTrue(pom.contains("<directory>${project.basedir}/src/stubs/" + ex.id() + "</directory>"),
                    ex.id() + ": its stub folder is not in the pom's stubs copy");
            assertTrue(Files.exists(DIR.resolve("target/generated-sources/stubs/exercises").resolve(ex.studentFile())),
                    ex.id() + ": its stub was not copied for compiling");
        }
        assertFalse(pom.matches("(?s).*<root>[^<]*src/stubs[^<]*</root>.*"), "a stub compiled from its own folder");
    }
}
