package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.CleanPathAlternatives;
import nethttp.exercises.chaffs.CleanPathChaffs;
import nethttp.exercises.graders.CleanPathExercise;

class CleanPathExerciseTest extends GraderContract<CleanPathExercise.Subject> {
    @Override
    Exercise<CleanPathExercise.Subject> exercise() {
        return new CleanPathExercise();
    }

    @Override
    Map<String, CleanPathExercise.Subject> chaffs() {
        Map<String, CleanPathExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("DropsTrailingSlash", CleanPathChaffs.DropsTrailingSlash::cleanPath);
        chaffs.put("UriNormalize", CleanPathChaffs.UriNormalize::cleanPath);
        chaffs.put("ClimbsAboveRoot", CleanPathChaffs.ClimbsAboveRoot::cleanPath);
        chaffs.put("ReplacesOnce", CleanPathChaffs.ReplacesOnce::cleanPath);
        chaffs.put("PathsNormalize", CleanPathChaffs.PathsNormalize::cleanPath);
        chaffs.put("DotEndKeepsSlash", CleanPathChaffs.DotEndKeepsSlash::cleanPath);
        chaffs.put("DotDotPrefix", CleanPathChaffs.DotDotPrefix::cleanPath);
        return chaffs;
    }

    @Override
    Map<String, CleanPathExercise.Subject> alternatives() {
        Map<String, CleanPathExercise.Subject> alts = new LinkedHashMap<>();
        alts.put("ListAndStreams", CleanPathAlternatives.ListAndStreams::cleanPath);
        alts.put("CharByChar", CleanPathAlternatives.CharByChar::cleanPath);
        return alts;
    }
}
