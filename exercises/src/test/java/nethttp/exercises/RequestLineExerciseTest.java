package nethttp.exercises;

import exercises.RequestLineParser.Parts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nethttp.exercises.alternatives.RequestLineAlternatives;
import nethttp.exercises.chaffs.RequestLineChaffs;
import nethttp.exercises.graders.RequestLineExercise;

class RequestLineExerciseTest extends GraderContract<RequestLineExercise.Subject> {
    @Override
    Exercise<RequestLineExercise.Subject> exercise() {
        return new RequestLineExercise();
    }

    @Override
    Map<String, RequestLineExercise.Subject> chaffs() {
        Map<String, RequestLineExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("SplitsOnWhitespace", parts(RequestLineChaffs.SplitsOnWhitespace::parse));
        chaffs.put("ParseIntVersion", parts(RequestLineChaffs.ParseIntVersion::parse));
        chaffs.put("CaseInsensitiveProtocol", parts(RequestLineChaffs.CaseInsensitiveProtocol::parse));
        chaffs.put("LastSpace", parts(RequestLineChaffs.LastSpace::parse));
        chaffs.put("UnescapedDotRegex", parts(RequestLineChaffs.UnescapedDotRegex::parse));
        chaffs.put("RejectsEmptyParts", parts(RequestLineChaffs.RejectsEmptyParts::parse));
        chaffs.put("SplitOnSpace", parts(RequestLineChaffs.SplitOnSpace::parse));
        chaffs.put("AnchoredRegexFind", parts(RequestLineChaffs.AnchoredRegexFind::parse));
        return chaffs;
    }

    @Override
    Map<String, RequestLineExercise.Subject> alternatives() {
        Map<String, RequestLineExercise.Subject> alts = new LinkedHashMap<>();
        alts.put("WholeLineRegex", parts(RequestLineAlternatives.WholeLineRegex::parse));
        alts.put("SplitWithLimit", parts(RequestLineAlternatives.SplitWithLimit::parse));
        return alts;
    }

    private static RequestLineExercise.Subject parts(Function<String, Optional<Parts>> parse) {
        return line -> parse.apply(line).map(p -> new RequestLineExercise.Parsed(p.method(), p.target(), p.major(), p.minor()));
    }
}
