package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.ResponseFramingAlternatives;
import nethttp.exercises.chaffs.ResponseFramingChaffs;
import nethttp.exercises.graders.ResponseFramingExercise;

class ResponseFramingExerciseTest extends GraderContract<ResponseFramingExercise.Subject> {
    @Override
    Exercise<ResponseFramingExercise.Subject> exercise() {
        return new ResponseFramingExercise();
    }

    @Override
    Map<String, ResponseFramingExercise.Subject> chaffs() {
        Map<String, ResponseFramingExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("LengthWhileRunning", new ResponseFramingChaffs.LengthWhileRunning());
        chaffs.put("HeadLengthZero", new ResponseFramingChaffs.HeadLengthZero());
        chaffs.put("TrailersIgnored", new ResponseFramingChaffs.TrailersIgnored());
        chaffs.put("ChunksOnHttp10", new ResponseFramingChaffs.ChunksOnHttp10());
        chaffs.put("CaseSensitiveTokens", new ResponseFramingChaffs.CaseSensitiveTokens());
        chaffs.put("SubstringTokens", new ResponseFramingChaffs.SubstringTokens());
        chaffs.put("ClosesSilently", new ResponseFramingChaffs.ClosesSilently());
        chaffs.put("CloseFieldOnHttp10", new ResponseFramingChaffs.CloseFieldOnHttp10());
        chaffs.put("OnlyChunkedIsAnEncoding", new ResponseFramingChaffs.OnlyChunkedIsAnEncoding());
        chaffs.put("LengthOn304", new ResponseFramingChaffs.LengthOn304());
        chaffs.put("DropsLengthFirst", new ResponseFramingChaffs.DropsLengthFirst());
        return chaffs;
    }

    @Override
    Map<String, ResponseFramingExercise.Subject> alternatives() {
        return Map.of("RegexTokens", new ResponseFramingAlternatives.RegexTokens());
    }
}
