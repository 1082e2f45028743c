package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.KeepAliveAlternatives;
import nethttp.exercises.chaffs.KeepAliveChaffs;
import nethttp.exercises.graders.KeepAliveExercise;

class KeepAliveExerciseTest extends GraderContract<KeepAliveExercise.Subject> {
    @Override
    Exercise<KeepAliveExercise.Subject> exercise() {
        return new KeepAliveExercise();
    }

    @Override
    Map<String, KeepAliveExercise.Subject> chaffs() {
        Map<String, KeepAliveExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("IgnoresCloseOnHttp11", KeepAliveChaffs.IgnoresCloseOnHttp11::shouldClose);
        chaffs.put("CaseSensitive", KeepAliveChaffs.CaseSensitive::shouldClose);
        chaffs.put("Substring", KeepAliveChaffs.Substring::shouldClose);
        chaffs.put("KeepsHttp09Open", KeepAliveChaffs.KeepsHttp09Open::shouldClose);
        chaffs.put("TrimEqualsIgnoreCase", KeepAliveChaffs.TrimEqualsIgnoreCase::shouldClose);
        chaffs.put("IsWhitespaceTrim", KeepAliveChaffs.IsWhitespaceTrim::shouldClose);
        chaffs.put("SplitOnCommaOrWhitespace", KeepAliveChaffs.SplitOnCommaOrWhitespace::shouldClose);
        return chaffs;
    }

    @Override
    Map<String, KeepAliveExercise.Subject> alternatives() {
        Map<String, KeepAliveExercise.Subject> alts = new LinkedHashMap<>();
        alts.put("StreamsAndRegex", KeepAliveAlternatives.StreamsAndRegex::shouldClose);
        alts.put("ManualTrim", KeepAliveAlternatives.ManualTrim::shouldClose);
        return alts;
    }
}
