package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.chaffs.IdlePoolChaffs;
import nethttp.exercises.graders.IdlePoolExercise;

class IdlePoolExerciseTest extends GraderContract<IdlePoolExercise.Subject> {
    @Override
    Exercise<IdlePoolExercise.Subject> exercise() {
        return new IdlePoolExercise();
    }

    @Override
    Map<String, IdlePoolExercise.Subject> chaffs() {
        Map<String, IdlePoolExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("EvictsNewest", IdlePoolChaffs.EvictsNewest::new);
        chaffs.put("Fifo", IdlePoolChaffs.Fifo::new);
        chaffs.put("IgnoresPerHostCap", IdlePoolChaffs.IgnoresPerHostCap::new);
        chaffs.put("PerHostEvictsOldest", IdlePoolChaffs.PerHostEvictsOldest::new);
        chaffs.put("ZeroPerHostKeepsNone", IdlePoolChaffs.ZeroPerHostKeepsNone::new);
        chaffs.put("HandsOutExpired", IdlePoolChaffs.HandsOutExpired::new);
        chaffs.put("ForgetsCloseIdle", IdlePoolChaffs.ForgetsCloseIdle::new);
        chaffs.put("KeepsBroken", IdlePoolChaffs.KeepsBroken::new);
        return chaffs;
    }
}
