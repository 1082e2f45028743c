package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.HasTokenAlternatives;
import nethttp.exercises.chaffs.HasTokenChaffs;
import nethttp.exercises.graders.HasTokenExercise;

class HasTokenExerciseTest extends GraderContract<HasTokenExercise.Subject> {
    @Override
    Exercise<HasTokenExercise.Subject> exercise() {
        return new HasTokenExercise();
    }

    @Override
    Map<String, HasTokenExercise.Subject> chaffs() {
        Map<String, HasTokenExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("Contains", HasTokenChaffs.Contains::hasToken);
        chaffs.put("CaseSensitive", HasTokenChaffs.CaseSensitive::hasToken);
        chaffs.put("NoTrim", HasTokenChaffs.NoTrim::hasToken);
        chaffs.put("FirstOccurrenceOnly", HasTokenChaffs.FirstOccurrenceOnly::hasToken);
        chaffs.put("SplitOnCommaOrWhitespace", HasTokenChaffs.SplitOnCommaOrWhitespace::hasToken);
        chaffs.put("IsWhitespaceBoundary", HasTokenChaffs.IsWhitespaceBoundary::hasToken);
        chaffs.put("CommaListOnly", HasTokenChaffs.CommaListOnly::hasToken);
        chaffs.put("RegexWithDollar", HasTokenChaffs.RegexWithDollar::hasToken);
        return chaffs;
    }

    @Override
    Map<String, HasTokenExercise.Subject> alternatives() {
        Map<String, HasTokenExercise.Subject> alts = new LinkedHashMap<>();
        alts.put("LookaroundRegex", HasTokenAlternatives.LookaroundRegex::hasToken);
        alts.put("StreamOfPositions", HasTokenAlternatives.StreamOfPositions::hasToken);
        return alts;
    }
}
