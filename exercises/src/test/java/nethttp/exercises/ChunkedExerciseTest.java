package nethttp.exercises;

import java.io.IOException;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.ChunkedAlternatives;
import nethttp.exercises.chaffs.ChunkedChaffs;
import nethttp.exercises.graders.ChunkedExercise;

class ChunkedExerciseTest extends GraderContract<ChunkedExercise.Subject> {
    @Override
    Exercise<ChunkedExercise.Subject> exercise() {
        return new ChunkedExercise();
    }

    @Override
    Map<String, ChunkedExercise.Subject> chaffs() {
        Map<String, ChunkedExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("DecimalSize", chunked(ChunkedChaffs.DecimalSize::encode, ChunkedChaffs.DecimalSize::decode));
        chaffs.put("EmptyChunkForEmptyWrite", chunked(ChunkedChaffs.EmptyChunkForEmptyWrite::encode, ChunkedChaffs.EmptyChunkForEmptyWrite::decode));
        chaffs.put("UncheckedCrlf", chunked(ChunkedChaffs.UncheckedCrlf::encode, ChunkedChaffs.UncheckedCrlf::decode));
        chaffs.put("NoExtensions", chunked(ChunkedChaffs.NoExtensions::encode, ChunkedChaffs.NoExtensions::decode));
        chaffs.put("HexLoopNoDigitLimit", chunked(ChunkedChaffs.HexLoopNoDigitLimit::encode, ChunkedChaffs.HexLoopNoDigitLimit::decode));
        chaffs.put("TrimsSizeLine", chunked(ChunkedChaffs.TrimsSizeLine::encode, ChunkedChaffs.TrimsSizeLine::decode));
        chaffs.put("ParseLongHex", chunked(ChunkedChaffs.ParseLongHex::encode, ChunkedChaffs.ParseLongHex::decode));
        chaffs.put("SizeLineNeedsCrlf", chunked(ChunkedChaffs.SizeLineNeedsCrlf::encode, ChunkedChaffs.SizeLineNeedsCrlf::decode));
        chaffs.put("RejectsEmptySizeLine", chunked(ChunkedChaffs.RejectsEmptySizeLine::encode, ChunkedChaffs.RejectsEmptySizeLine::decode));
        chaffs.put("NoLineCap", chunked(ChunkedChaffs.NoLineCap::encode, ChunkedChaffs.NoLineCap::decode));
        return chaffs;
    }

    @Override
    Map<String, ChunkedExercise.Subject> alternatives() {
        Map<String, ChunkedExercise.Subject> alts = new LinkedHashMap<>();
        alts.put("RegexAndBigInteger", chunked(ChunkedAlternatives.RegexAndBigInteger::encode,
                ChunkedAlternatives.RegexAndBigInteger::decode));
        alts.put("ByteWalker", chunked(ChunkedAlternatives.ByteWalker::encode, ChunkedAlternatives.ByteWalker::decode));
        return alts;
    }

    interface Decoder {
        String decode(String wire) throws IOException;
    }

    private static ChunkedExercise.Subject chunked(java.util.function.Function<List<String>, String> encode,
            Decoder decode) {
        return new ChunkedExercise.Subject() {
            @Override
            public String encode(List<String> writes) {
                return encode.apply(writes);
            }

            @Override
            public String decode(String wire) throws IOException {
                return decode.decode(wire);
            }
        };
    }
}
