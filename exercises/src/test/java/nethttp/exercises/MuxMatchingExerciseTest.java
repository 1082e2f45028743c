package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.MuxMatchingAlternatives;
import nethttp.exercises.chaffs.MuxMatchingChaffs;
import nethttp.exercises.graders.MuxMatchingExercise;

class MuxMatchingExerciseTest extends GraderContract<MuxMatchingExercise.Subject> {
    @Override
    Exercise<MuxMatchingExercise.Subject> exercise() {
        return new MuxMatchingExercise();
    }

    @Override
    Map<String, MuxMatchingExercise.Subject> chaffs() {
        Map<String, MuxMatchingExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("ShortestWins", MuxMatchingChaffs.ShortestWins::match);
        chaffs.put("IgnoresHosts", MuxMatchingChaffs.IgnoresHosts::match);
        chaffs.put("AnyPrefix", MuxMatchingChaffs.AnyPrefix::match);
        chaffs.put("NoSlashRedirect", MuxMatchingChaffs.NoSlashRedirect::match);
        chaffs.put("HostPatternsLast", MuxMatchingChaffs.HostPatternsLast::match);
        chaffs.put("RedirectOnlyWhenNothingMatches", MuxMatchingChaffs.RedirectOnlyWhenNothingMatches::match);
        chaffs.put("RedirectIgnoresHost", MuxMatchingChaffs.RedirectIgnoresHost::match);
        return chaffs;
    }

    @Override
    Map<String, MuxMatchingExercise.Subject> alternatives() {
        return Map.of("Streams", MuxMatchingAlternatives.Streams::match);
    }
}
