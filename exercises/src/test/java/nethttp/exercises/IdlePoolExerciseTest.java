package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.alternatives.IdlePoolAlternatives;
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
        chaffs.put("TimeoutStrictlyLonger", IdlePoolChaffs.TimeoutStrictlyLonger::new);
        chaffs.put("RefusesUntilAGetFindsOne", IdlePoolChaffs.RefusesUntilAGetFindsOne::new);
        chaffs.put("EvictsOldestOfSameHost", IdlePoolChaffs.EvictsOldestOfSameHost::new);
        return chaffs;
    }

    @Override
    Map<String, IdlePoolExercise.Subject> alternatives() {
        return Map.of("DequesAndList", IdlePoolAlternatives.DequesAndList::new);
    }
}
