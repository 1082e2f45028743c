package nethttp.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class URLTest {

    @Test
    void rawPathIsKeptOnlyWhenTheDefaultEncodingDiffers() throws URLException {
        URL u = new URL();
        u.setEncodedPath("/a%2Fb");
        assertEquals("/a/b", u.path);
        assertEquals("/a%2Fb", u.rawPath);
        assertEquals("/a%2Fb", u.escapedPath());

        u.setEncodedPath("/a%20b");
        assertEquals("/a b", u.path);
        assertEquals("", u.rawPath);
        assertEquals("/a%20b", u.escapedPath());
    }

    @Test
    void aStaleRawPathIsIgnored() throws URLException {
        URL u = URL.parseRequestURI("/a%2Fb");
        u.path = "/other";
        assertEquals("/other", u.escapedPath());
    }

    @Test
    void anInvalidRawPathIsIgnored() {
        URL u = new URL();
        u.path = "/a b";
        u.rawPath = "/a b";
        assertEquals("/a%20b", u.escapedPath());
    }

    @Test
    void theAsteriskTargetIsNotEscaped() throws URLException {
        URL u = URL.parseRequestURI("*");
        assertEquals("*", u.path);
        assertEquals("*", u.requestURI());
    }

    @Test
    void requestURIAddsQueryAndDefaultsToSlash() throws URLException {
        assertEquals("/p%20q?x=1", URL.parseRequestURI("http://h/p%20q?x=1").requestURI());
        assertEquals("/", URL.parseRequestURI("http://h").requestURI());
        assertEquals("/a?", URL.parseRequestURI("/a?").requestURI());
    }

    @Test
    void hostnameAndPortSplitTheHost() throws URLException {
        URL u = URL.parseRequestURI("http://[::1]:8080/");
        assertEquals("::1", u.hostname());
        assertEquals("8080", u.port());
        URL v = URL.parseRequestURI("http://example.com/");
        assertEquals("example.com", v.hostname());
        assertEquals("", v.port());
    }

    @Test
    void userInformationIsDecodedAndReencoded() throws URLException {
        URL u = URL.parse("http://us%65r:p%40ss@h/");
        assertEquals("user", u.username());
        assertEquals("p@ss", u.password());
        assertEquals("http://user:p%40ss@h/", u.toString());
        URL v = URL.parse("http://user@h/");
        assertNull(v.password());
    }

    @Test
    void errorsCarryGoShapeAndTheBareReason() {
        URLException e = assertThrows(URLException.class, () -> URL.parseRequestURI("http://h:x/"));
        assertEquals("parse \"http://h:x/\": invalid port \":x\" after host", e.getMessage());
        assertEquals("invalid port \":x\" after host", e.reason());
    }

    @Test
    void copyIsIndependent() throws URLException {
        URL u = URL.parse("http://u:p@h/a%2Fb?q#f%20g");
        URL c = u.copy();
        c.path = "/changed";
        assertEquals("/a/b", u.path);
        assertEquals(u.toString(), URL.parse("http://u:p@h/a%2Fb?q#f%20g").toString());
        assertEquals("p", c.password());
    }
}
