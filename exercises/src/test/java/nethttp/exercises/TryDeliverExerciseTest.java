package nethttp.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import nethttp.exercises.chaffs.TryDeliverChaffs;
import nethttp.exercises.graders.TryDeliverExercise;

class TryDeliverExerciseTest extends GraderContract<TryDeliverExercise.Subject> {
    @Override
    Exercise<TryDeliverExercise.Subject> exercise() {
        return new TryDeliverExercise();
    }

    @Override
    Map<String, TryDeliverExercise.Subject> chaffs() {
        Map<String, TryDeliverExercise.Subject> chaffs = new LinkedHashMap<>();
        chaffs.put("CheckThenAct", TryDeliverChaffs.CheckThenAct::new);
        chaffs.put("DeliversTwice", TryDeliverChaffs.DeliversTwice::new);
        chaffs.put("CancelDropsDelivered", TryDeliverChaffs.CancelDropsDelivered::new);
        chaffs.put("CancelLeavesOpen", TryDeliverChaffs.CancelLeavesOpen::new);
        chaffs.put("AwaitDoesNotWait", TryDeliverChaffs.AwaitDoesNotWait::new);
        return chaffs;
    }
}
