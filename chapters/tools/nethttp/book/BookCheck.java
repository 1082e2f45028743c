package nethttp.book;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The book's checks that Asciidoctor does not make: tags in the library that no chapter quotes
 * (or that are never closed), quoted listings wider than 90 columns or with unbalanced blocks,
 * inline code that would render with arrows, cross-references to anchors or pages that do not exist, links to
 * exercise pages that do not exist, exercises that their chapter does not link, and visualizer
 * scenarios that a chapter names but the visualizer does not have, or that no chapter names.
 *
 * <p>Usage: {@code BookCheck <library sources> <book folder> <exercises folder> <scenario folder>
 * <generated .adoc>...}, where the scenario folder is the one that holds the visualizer's
 * {@code Scenarios.java}.
 */
public final class BookCheck {
    private BookCheck() {}

    public static void main(String[] args) {
        Path src = Path.of(args[0]).toAbsolutePath().normalize();
        Path book = Path.of(args[1]).toAbsolutePath().normalize();
        Path exercises = Path.of(args[2]).toAbsolutePath().normalize();
        Path scenarios = Path.of(args[3]).toAbsolutePath().normalize();
        List<Path> pages = new ArrayList<>(Tags.chapters(book));
        pages.addAll(ExerciseCheck.exercisePages(book));
        for (int i = 4; i < args.length; i++) {
            Path generated = Path.of(args[i]).toAbsolutePath().normalize();
            if (Files.exists(generated)) pages.add(generated);
        }
        List<String> failures = new ArrayList<>(TagCheck.check(src, book));
        failures.addAll(ListingCheck.check(src, book));
        failures.addAll(InlineCodeCheck.check(pages));
        failures.addAll(XrefCheck.check(book, pages));
        failures.addAll(ExerciseCheck.check(book, exercises, pages));
        failures.addAll(ScenarioCheck.check(scenarios, Tags.chapters(book)));
        if (failures.isEmpty()) return;
        System.err.println("Book check failed:");
        failures.forEach(f -> System.err.println("  " + f));
        System.exit(1);
    }
}
