package nethttp.mux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;
import org.junit.jupiter.api.Test;

class CleanPathTest {

    @Test
    void cleanPathRootsCleansAndKeepsTheTrailingSlash() {
        String[][] cases = {
            {"", "/"},
            {"/", "/"},
            {"a", "/a"},
            {"a/b/", "/a/b/"},
            {"/a/./b", "/a/b"},
            {"/a/../b/", "/b/"},
            {"//x", "/x"},
            {"/..", "/"},
            {"/../", "/"},
            {"/a/..", "/"},
            {"/a/../", "/"},
            {"/a//", "/a/"},
            {"/a/b/.", "/a/b"},
            {"/a/b/./", "/a/b/"},
            {"..", "/"},
            {"*", "/*"},
        };
        for (String[] c : cases) assertEquals(c[1], ServeMux.cleanPath(c[0]), c[0]);
    }

    /** Paths made of the characters that matter to cleaning, so that odd cases come up often. */
    private static Gen<String> paths() {
        String alphabet = "/./a.b/";
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 14)
                .map(indexes -> {
                    StringBuilder b = new StringBuilder();
                    for (int i : indexes) b.append(alphabet.charAt(i));
                    return b.toString();
                });
    }

    @Test
    void cleanPathIsIdempotent() {
        qt().forAll(paths()).checkAssert(p -> {
            String once = ServeMux.cleanPath(p);
            assertEquals(once, ServeMux.cleanPath(once), p);
        });
    }

    @Test
    void cleanPathIsRootedAndHasNoEmptyOrDotSegments() {
        qt().forAll(paths()).checkAssert(p -> {
            String c = ServeMux.cleanPath(p);
            assertTrue(c.startsWith("/"), c);
            assertFalse(c.contains("//"), c);
            assertFalse(c.contains("/./"), c);
            assertFalse(c.endsWith("/."), c);
            assertFalse(c.contains("/../"), c);
            assertFalse(c.endsWith("/.."), c);
        });
    }

    @Test
    void cleanPathKeepsATrailingSlashAndAddsNone() {
        qt().forAll(paths()).checkAssert(p -> {
            String c = ServeMux.cleanPath(p);
            if (p.endsWith("/")) assertTrue(c.endsWith("/"), p + " -> " + c);
            else if (!c.equals("/")) assertFalse(c.endsWith("/"), p + " -> " + c);
        });
    }

    @Test
    void examplesFromTheDocumentation() {
        assertEquals(List.of("/", "/a/b", "/x"),
                List.of(ServeMux.cleanPath("/.."), ServeMux.cleanPath("a/b"), ServeMux.cleanPath("//x")));
    }
}
