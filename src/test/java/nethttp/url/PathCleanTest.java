package nethttp.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PathCleanTest {

    /** Go's path_test.go cleantests, input and expected output. */
    private static final String[][] GO_CLEAN_TESTS = {
        {"", "."},
        {"abc", "abc"},
        {"abc/def", "abc/def"},
        {"a/b/c", "a/b/c"},
        {".", "."},
        {"..", ".."},
        {"../..", "../.."},
        {"../../abc", "../../abc"},
        {"/abc", "/abc"},
        {"/", "/"},
        {"abc/", "abc"},
        {"abc/def/", "abc/def"},
        {"a/b/c/", "a/b/c"},
        {"./", "."},
        {"../", ".."},
        {"../../", "../.."},
        {"/abc/", "/abc"},
        {"abc//def//ghi", "abc/def/ghi"},
        {"//abc", "/abc"},
        {"///abc", "/abc"},
        {"//abc//", "/abc"},
        {"abc//", "abc"},
        {"abc/./def", "abc/def"},
        {"/./abc/def", "/abc/def"},
        {"abc/.", "abc"},
        {"abc/def/ghi/../jkl", "abc/def/jkl"},
        {"abc/def/../ghi/../jkl", "abc/jkl"},
        {"abc/def/..", "abc"},
        {"abc/def/../..", "."},
        {"/abc/def/../..", "/"},
        {"abc/def/../../..", ".."},
        {"/abc/def/../../..", "/"},
        {"abc/def/../../../ghi/jkl/../../../mno", "../../mno"},
        {"abc/./../def", "def"},
        {"abc//./../def", "def"},
        {"abc/../../././../def", "../../def"},
    };

    @Test
    void pathCleanPassesGosTable() {
        for (String[] c : GO_CLEAN_TESTS) {
            assertEquals(c[1], PathClean.clean(c[0]), c[0]);
            assertEquals(c[1], PathClean.clean(c[1]), "already clean: " + c[1]);
        }
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

    /** The segment-stack clean agrees with a byte-by-byte transcription of Go's loop. */
    @Test
    void pathCleanAgreesWithGosLoop() {
        qt().withExamples(3000).forAll(paths()).checkAssert(p -> assertEquals(goClean(p), PathClean.clean(p), p));
    }

    /** Go's path.Clean as written, with a char array standing in for its lazy buffer. */
    private static String goClean(String path) {
        if (path.isEmpty()) return ".";
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        char[] out = new char[n + 1];
        int w = 0, r = 0, dotdot = 0;
        if (rooted) {
            out[w++] = '/';
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = path.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (w > dotdot) {
                    w--;
                    while (w > dotdot && out[w] != '/') w--;
                } else if (!rooted) {
                    if (w > 0) out[w++] = '/';
                    out[w++] = '.';
                    out[w++] = '.';
                    dotdot = w;
                }
            } else {
                if (rooted && w != 1 || !rooted && w != 0) out[w++] = '/';
                while (r < n && path.charAt(r) != '/') out[w++] = path.charAt(r++);
            }
        }
        return w == 0 ? "." : new String(out, 0, w);
    }

    @Test
    void examplesFromTheDocumentation() {
        assertEquals("/c", PathClean.clean("/a/./b/../../c/"));
        assertEquals("../b", PathClean.clean("a/../../b"));
    }
}
