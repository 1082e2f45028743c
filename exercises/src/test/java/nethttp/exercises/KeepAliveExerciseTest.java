package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
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
        return chaffs;
    }
}
