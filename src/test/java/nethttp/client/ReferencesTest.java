package nethttp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nethttp.url.URL;
import org.junit.jupiter.api.Test;

/** Location resolution; the expected URLs are what Go 1.19's URL.Parse gives for the same base and reference. */
class ReferencesTest {

    private static String resolve(String base, String ref) throws Exception {
        return References.parse(URL.parse(base), ref).toString();
    }

    @Test
    void referencesResolveAsGo() throws Exception {
        String base = "http://u:p@h/a/b?x=1";
        assertEquals("http://u:p@h/c", resolve(base, "../c"));
        assertEquals("http://u:p@h/d?y", resolve(base, "/d?y"));
        assertEquals("http://u:p@h/a/b?z", resolve(base, "?z"));
        assertEquals("http://u:p@h/a/b?x=1", resolve(base, ""));
        assertEquals("http://u:p@h/a/b?x=1#f", resolve(base, "#f"));
        assertEquals("http://other/p", resolve(base, "//other/p"));
        assertEquals("http://u:p@h/a/e/", resolve(base, "e/./f/.."));
        assertEquals("http://u:p@h/a/", resolve(base, "g/.."));
        assertEquals("http://x", resolve(base, "http://x"));
        assertEquals("http://u:p@h/a/", resolve(base, "."));
    }

    @Test
    void dotSegmentsCannotClimbAboveTheRoot() {
        assertEquals("/c", References.resolvePath("/a/b", "../../../c"));
        assertEquals("/", References.resolvePath("/a/b", ".."));
        assertEquals("", References.resolvePath("", ""));
    }
}
