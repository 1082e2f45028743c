package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.chaffs.BodyFramingChaffs;
import nethttp.exercises.graders.BodyFramingExercise;

class BodyFramingExerciseTest extends GraderContract<BodyFramingExercise.Subject> {
    @Override
    Exercise<BodyFramingExercise.Subject> exercise() {
        return new BodyFramingExercise();
    }

    @Override
    Map<String, BodyFramingExercise.Subject> chaffs() {
        Map<String, BodyFramingExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("LengthBeatsChunked", BodyFramingChaffs.LengthBeatsChunked::bodyLength);
        chaffs.put("OnlyInformationalHasNoBody", BodyFramingChaffs.OnlyInformationalHasNoBody::bodyLength);
        chaffs.put("ResponseWithoutLengthIsEmpty", BodyFramingChaffs.ResponseWithoutLengthIsEmpty::bodyLength);
        chaffs.put("FirstLengthWins", BodyFramingChaffs.FirstLengthWins::bodyLength);
        chaffs.put("ParseLong", BodyFramingChaffs.ParseLong::bodyLength);
        return chaffs;
    }
}
