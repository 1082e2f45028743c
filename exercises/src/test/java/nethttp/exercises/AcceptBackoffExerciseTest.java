package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.chaffs.AcceptBackoffChaffs;
import nethttp.exercises.graders.AcceptBackoffExercise;

class AcceptBackoffExerciseTest extends GraderContract<AcceptBackoffExercise.Subject> {
    @Override
    Exercise<AcceptBackoffExercise.Subject> exercise() {
        return new AcceptBackoffExercise();
    }

    @Override
    Map<String, AcceptBackoffExercise.Subject> chaffs() {
        Map<String, AcceptBackoffExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("NoCeiling", new AcceptBackoffChaffs.NoCeiling());
        chaffs.put("NoReset", new AcceptBackoffChaffs.NoReset());
        chaffs.put("CapBeforeDoubling", new AcceptBackoffChaffs.CapBeforeDoubling());
        chaffs.put("DoublesFirst", new AcceptBackoffChaffs.DoublesFirst());
        chaffs.put("MillisEverywhere", new AcceptBackoffChaffs.MillisEverywhere());
        chaffs.put("JavaDuration", new AcceptBackoffChaffs.JavaDuration());
        return chaffs;
    }
}
