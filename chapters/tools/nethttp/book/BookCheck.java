package nethttp.book;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The book's checks that Asciidoctor does not make: tags in the library that no chapter quotes
 * (or that are never closed), cross-references to anchors or pages that do not exist, links to
 * exercise pages that do not exist, and exercises that their chapter does not link.
 *
 * <p>Usage: {@code BookCheck <library sources> <book folder> <exercises folder> <generated .adoc>...}.
 */
public final class BookCheck {
    private BookCheck() {}

    public static void main(String[] args) {
        Path src = Path.of(args[0]).toAbsolutePath().normalize();
        Path book = Path.of(args[1]).toAbsolutePath().normalize();
        Path exercises = Path.of(args[2]).toAbsolutePath().normalize();
        List<Path> pages = new ArrayList<>(Tags.chapters(book));
        pages.addAll(ExerciseCheck.exercisePages(book));
        for (int i = 3; i < args.length; i++) {
            Path generated = Path.of(args[i]).toAbsolutePath().normalize();
            if (Files.exists(generated)) pages.add(generated);
        }
        List<String> failures = new ArrayList<>(TagCheck.check(src, book));
        failures.addAll(XrefCheck.check(book, pages));
        failures.addAll(ExerciseCheck.check(book, exercises, pages));
        if (failures.isEmpty()) return;
        System.err.println("Book check failed:");
        failures.forEach(f -> System.err.println("  " + f));
        System.exit(1);
    }
}
