package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.CanonicalKeysAlternatives;
import nethttp.exercises.chaffs.CanonicalKeysChaffs;
import nethttp.exercises.graders.CanonicalKeysExercise;

class CanonicalKeysExerciseTest extends GraderContract<CanonicalKeysExercise.Subject> {
    @Override
    Exercise<CanonicalKeysExercise.Subject> exercise() {
        return new CanonicalKeysExercise();
    }

    @Override
    Map<String, CanonicalKeysExercise.Subject> chaffs() {
        Map<String, CanonicalKeysExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("FirstLetterOnly", CanonicalKeysChaffs.FirstLetterOnly::canonicalize);
        chaffs.put("NeverLowers", CanonicalKeysChaffs.NeverLowers::canonicalize);
        chaffs.put("RewritesInvalidKeys", CanonicalKeysChaffs.RewritesInvalidKeys::canonicalize);
        chaffs.put("UnderscoreSeparates", CanonicalKeysChaffs.UnderscoreSeparates::canonicalize);
        chaffs.put("LetterDigitHyphenOnly", CanonicalKeysChaffs.LetterDigitHyphenOnly::canonicalize);
        chaffs.put("RegexWithoutBacktick", CanonicalKeysChaffs.RegexWithoutBacktick::canonicalize);
        chaffs.put("WhitespaceOrColonOnly", CanonicalKeysChaffs.WhitespaceOrColonOnly::canonicalize);
        chaffs.put("VisibleAsciiButColon", CanonicalKeysChaffs.VisibleAsciiButColon::canonicalize);
        return chaffs;
    }

    @Override
    Map<String, CanonicalKeysExercise.Subject> alternatives() {
        Map<String, CanonicalKeysExercise.Subject> alts = new LinkedHashMap<>();
        alts.put("RegexAndStreams", CanonicalKeysAlternatives.RegexAndStreams::canonicalize);
        alts.put("VisibleButDelimiters", CanonicalKeysAlternatives.VisibleButDelimiters::canonicalize);
        return alts;
    }
}
