package nethttp.book;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The book's checks that Asciidoctor does not make: tags in the library that no chapter quotes
 * (or that are never closed), and cross-references to anchors or pages that do not exist.
 *
 * <p>Usage: {@code BookCheck <library sources> <book folder> <generated .adoc>...}.
 */
public final class BookCheck {
    private BookCheck() {}

    public static void main(String[] args) {
        Path src = Path.of(args[0]).toAbsolutePath().normalize();
        Path book = Path.of(args[1]).toAbsolutePath().normalize();
        List<Path> pages = new ArrayList<>(Tags.chapters(book));
        for (int i = 2; i < args.length; i++) {
            Path generated = Path.of(args[i]).toAbsolutePath().normalize();
            if (Files.exists(generated)) pages.add(generated);
        }
        List<String> failures = new ArrayList<>(TagCheck.check(src, book));
        failures.addAll(XrefCheck.check(book, pages));
        if (failures.isEmpty()) return;
        System.err.println("Book check failed:");
        failures.forEach(f -> System.err.println("  " + f));
        System.exit(1);
    }
}
