package nethttp.exercises;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reset command: {@code reset 10-try-deliver} puts an exercise's untouched stub back,
 * {@code reset all} every exercise's. A file that differs from its stub is first copied to
 * {@code exercises/backups/<exercise>/}, and the hints start over. It says what it did, file by
 * file, and refuses a name that is no exercise.
 *
 * <p>It runs before anything is compiled (Maven starts it as a single source file), so it works
 * when the student's file does not compile, and it uses the JDK alone.
 */
public final class Reset {
    private Reset() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        String which = args.length > 1 ? args[1].strip() : "";
        Path stubs = dir.resolve("src").resolve("stubs");
        List<String> ids;
        try (Stream<Path> s = Files.list(stubs)) {
            ids = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> chosen;
        if (which.equals("all")) {
            chosen = ids;
        } else if (ids.contains(which)) {
            chosen = List.of(which);
        } else {
            System.out.println((which.isEmpty() || which.equals("true") ? "name the exercise to reset"
                    : "no exercise named \"" + which + "\"") + "; the exercises are: " + String.join(", ", ids)
                    + ", or all. Nothing was changed.");
            System.exit(2);
            return;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (String id : chosen) reset(dir, id, stamp);
    }

    private static void reset(Path dir, String id, String stamp) throws IOException {
        Path stubDir = dir.resolve("src").resolve("stubs").resolve(id);
        List<Path> stubFiles;
        try (Stream<Path> s = Files.list(stubDir)) {
            stubFiles = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> done = new ArrayList<>();
        for (Path stub : stubFiles) {
            String name = stub.getFileName().toString();
            Path mine = dir.resolve(id).resolve(name);
            if (Files.exists(mine) && Arrays.equals(Files.readAllBytes(mine), Files.readAllBytes(stub))) {
                done.add(name + " is the untouched stub already: left as it is");
                continue;
            }
            String saved = "";
            if (Files.exists(mine)) {
                Path backup = dir.resolve("backups").resolve(id).resolve(name + "." + stamp);
                Files.createDirectories(backup.getParent());
                Files.copy(mine, backup);
                saved = "; your version is saved as exercises/" + dir.relativize(backup).toString().replace('\\', '/');
            }
            Files.copy(stub, mine, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            done.add(name + " put back to the untouched stub" + saved);
        }
        boolean hintsReset = Files.deleteIfExists(dir.resolve("target").resolve("hints").resolve(id + ".shown"));
        System.out.println(id + ": " + String.join("; ", done) + (hintsReset ? "; the hints start over" : "") + ".");
    }
}
