package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
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
        return chaffs;
    }
}
