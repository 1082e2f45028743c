package nethttp.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exercise's file is compiled on its own: one that does not compile keeps only itself from being graded. */
class StudentFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatDoesNotCompileIsReportedAndTheOtherIsLoadedInPlaceOfItsStub() throws Exception {
        Files.createDirectories(dir.resolve("02-clean-path"));
        Files.writeString(dir.resolve("02-clean-path/CleanPath.java"),
                "package exercises; public final class CleanPath { oops }\n");
        Files.createDirectories(dir.resolve("07-keep-alive"));
        Files.writeString(dir.resolve("07-keep-alive/KeepAlive.java"), """
                package exercises;
                import java.util.List;
                public final class KeepAlive {
                    public static boolean shouldClose(int major, int minor, List<String> connection) { return true; }
                }
                """);
        Map<String, StudentFiles.Compiled> compiled = StudentFiles.compile(dir, List.of("02-clean-path", "07-keep-alive"));

        StudentFiles.Compiled broken = compiled.get("02-clean-path");
        assertFalse(broken.ok());
        assertTrue(broken.errors().contains("exercises/02-clean-path/CleanPath.java:1: error:"), broken.errors());
        assertFalse(broken.errors().contains(dir.toString()), "the compiler's message names the file from the repository's root");
        assertTrue(compiled.get("07-keep-alive").ok());

        ClassLoader students = StudentFiles.loader(compiled.values());
        Method shouldClose = students.loadClass("exercises.KeepAlive").getMethod("shouldClose", int.class, int.class, List.class);
        assertEquals(true, shouldClose.invoke(null, 1, 1, List.of()), "the student's class, not the stub (which throws)");
        assertEquals(students, students.loadClass("nethttp.exercises.graders.KeepAliveExercise").getClassLoader(),
                "the graders are loaded again, so that they see the student's classes");
        assertTrue(students.loadClass("exercises.CleanPath").getClassLoader() != null); // the stub, never graded: Main skips it
    }
}
