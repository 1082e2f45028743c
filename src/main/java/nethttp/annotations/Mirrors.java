package nethttp.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the piece of Go's standard library that a Java class, method or constructor retells.
 *
 * <p>Every place in this library that follows a Go function carries this annotation, so that a
 * reader can go back and forth between the two code bases, and so that the book's build can
 * generate an index from Go names to Java code. The {@code file} is relative to Go's {@code src}
 * folder (for example {@code "net/http/server.go"}); {@code func} is the Go name as Go's own
 * documentation writes it: {@code "ServeMux.Handle"} for a method, {@code "readRequest"} for a
 * function.
 *
 * <p>The behaviour followed is Go 1.19's.
 */
// tag::mirrors[]
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR,
        ElementType.FIELD})
@Repeatable(Mirrors.All.class)
public @interface Mirrors {
    /** The Go source file, relative to Go's {@code src} folder. */
    String file();

    /** The Go function, method ({@code Type.Method}) or type. */
    String func();

    /** Holder for repeated {@link Mirrors} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR,
            ElementType.FIELD})
    @interface All {
        Mirrors[] value();
    }
}
// end::mirrors[]
