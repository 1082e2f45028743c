package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.BodyFramingAlternatives;
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
        chaffs.put("OverflowWhenNegative", BodyFramingChaffs.OverflowWhenNegative::bodyLength);
        chaffs.put("InformationalIs100And101", BodyFramingChaffs.InformationalIs100And101::bodyLength);
        chaffs.put("EmptyLengthRejected", BodyFramingChaffs.EmptyLengthRejected::bodyLength);
        chaffs.put("JavaTrim", BodyFramingChaffs.JavaTrim::bodyLength);
        chaffs.put("ComparesUntrimmed", BodyFramingChaffs.ComparesUntrimmed::bodyLength);
        return chaffs;
    }

    @Override
    Map<String, BodyFramingExercise.Subject> alternatives() {
        Map<String, BodyFramingExercise.Subject> alts = new LinkedHashMap<>();
        alts.put("RegexAndBigInteger", BodyFramingAlternatives.RegexAndBigInteger::bodyLength);
        alts.put("ExactArithmetic", BodyFramingAlternatives.ExactArithmetic::bodyLength);
        return alts;
    }
}
