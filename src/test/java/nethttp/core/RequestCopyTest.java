package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import nethttp.url.URL;
import org.junit.jupiter.api.Test;

class RequestCopyTest {

    private static List<Field> instanceFields() {
        List<Field> fields = new ArrayList<>();
        for (Field f : Request.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) fields.add(f);
        }
        return fields;
    }

    /** A value of the field's type unlike the default; a field of a new type fails until added here. */
    private static Object changed(Field f, Object current) {
        Class<?> t = f.getType();
        if (t == String.class) return "changed " + f.getName();
        if (t == int.class) return (Integer) current + 7;
        if (t == long.class) return (Long) current + 42;
        if (t == boolean.class) return !(Boolean) current;
        if (t == InputStream.class) return new ByteArrayInputStream(new byte[] {1, 2, 3});
        if (t == List.class) return new ArrayList<>(List.of("gzip", "chunked"));
        if (t == Header.class) {
            Header h = new Header();
            h.add("X-" + f.getName(), "1");
            return h;
        }
        if (t == Request.BodySupplier.class) return (Request.BodySupplier) () -> new ByteArrayInputStream(new byte[] {4});
        if (t == Context.class) return Context.withValue(Context.background(), "key", "value");
        if (t == URL.class) {
            URL u = new URL();
            u.scheme = "http";
            u.host = "example.com:8080";
            u.setUser("ann", "secret");
            u.path = "/a b";
            u.rawQuery = "q=1";
            u.fragment = "top";
            return u;
        }
        return fail("no test value for field " + f.getName() + " of type " + t.getName());
    }

    /** URL has no equals: its full string form (user and password included) stands for it. */
    private static Object comparable(Object value) {
        return value instanceof URL u ? u.toString() : value;
    }

    @Test
    void copyCarriesEveryPublicField() throws Exception {
        Request fresh = new Request();
        Request r = new Request();
        for (Field f : instanceFields()) {
            f.set(r, changed(f, f.get(fresh)));
            assertNotEquals(comparable(f.get(fresh)), comparable(f.get(r)), f.getName());
        }
        Request c = r.copy();
        for (Field f : instanceFields()) {
            assertEquals(comparable(f.get(r)), comparable(f.get(c)), f.getName());
        }
        assertEquals(r.url.username(), c.url.username());
        assertEquals(r.url.password(), c.url.password());
    }

    @Test
    void copyOwnsItsUrlHeaderTrailerAndCodingsButSharesTheBody() {
        Request r = new Request();
        r.header.add("A", "1");
        r.trailer = new Header();
        r.trailer.setRaw("T", List.of());
        r.transferEncoding = new ArrayList<>(List.of("chunked"));
        r.url.path = "/p";
        Request c = r.copy();

        assertNotSame(r.url, c.url);
        assertNotSame(r.header, c.header);
        assertNotSame(r.trailer, c.trailer);
        assertNotSame(r.transferEncoding, c.transferEncoding);
        assertSame(r.body, c.body);

        c.url.path = "/other";
        c.header.add("A", "2");
        c.trailer.set("T", "v");
        c.transferEncoding.add("gzip");
        assertEquals("/p", r.url.path);
        assertEquals(List.of("1"), r.header.values("A"));
        assertEquals(List.of(), r.trailer.values("T"));
        assertEquals(List.of("chunked"), r.transferEncoding);
    }

    @Test
    void noTrailerStaysNoTrailer() {
        Request r = new Request();
        assertNull(r.copy().trailer);
    }
}
