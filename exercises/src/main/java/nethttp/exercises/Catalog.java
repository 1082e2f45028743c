package nethttp.exercises;

import java.util.List;
import java.util.stream.Collectors;
import nethttp.exercises.graders.AcceptBackoffExercise;
import nethttp.exercises.graders.BodyFramingExercise;
import nethttp.exercises.graders.CanonicalKeysExercise;
import nethttp.exercises.graders.ChunkedExercise;
import nethttp.exercises.graders.DialRaceExercise;
import nethttp.exercises.graders.CleanPathExercise;
import nethttp.exercises.graders.HasTokenExercise;
import nethttp.exercises.graders.IdlePoolExercise;
import nethttp.exercises.graders.KeepAliveExercise;
import nethttp.exercises.graders.MuxMatchingExercise;
import nethttp.exercises.graders.RequestLineExercise;
import nethttp.exercises.graders.ResponseFramingExercise;
import nethttp.exercises.graders.TryDeliverExercise;

/** Every exercise, in the order of their folders (the book's map gives the order to do them in). */
public final class Catalog {
    private Catalog() {}

    /** The exercises; a new one is added here and to the stubs the module's pom copies. */
    public static List<Exercise<?>> all() {
        return List.of(
                new CanonicalKeysExercise(),
                new CleanPathExercise(),
                new MuxMatchingExercise(),
                new RequestLineExercise(),
                new ChunkedExercise(),
                new BodyFramingExercise(),
                new KeepAliveExercise(),
                new HasTokenExercise(),
                new IdlePoolExercise(),
                new TryDeliverExercise(),
                new AcceptBackoffExercise(),
                new ResponseFramingExercise(),
                new DialRaceExercise());
    }

    /** The exercise whose folder is {@code id}, or all of them for {@code all} (or no name). */
    static List<Exercise<?>> select(String id) {
        if (id.isBlank() || id.equals("all") || id.equals("true")) return all();
        return all().stream().filter(e -> e.id().equals(id.strip())).toList();
    }

    static String ids() {
        return all().stream().map(Exercise::id).collect(Collectors.joining(", "));
    }
}
