package nethttp.exercises.chaffs;

import java.time.Duration;
import nethttp.exercises.graders.AcceptBackoffExercise;

/** Wrong solutions to exercise 11, each a loop backoff plus a log line. */
public final class AcceptBackoffChaffs {
    private AcceptBackoffChaffs() {}

    /** A solution that would pass; the chaffs below each get one thing wrong. */
    abstract static class Base implements AcceptBackoffExercise.Subject, AcceptBackoffExercise.Loop {
        Duration delay = Duration.ZERO;

        @Override
        public AcceptBackoffExercise.Loop newLoop() {
            try {
                Base fresh = getClass().getDeclaredConstructor().newInstance();
                return fresh;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Duration failed() {
            delay = delay.isZero() ? Duration.ofMillis(5) : delay.multipliedBy(2);
            if (delay.compareTo(Duration.ofSeconds(1)) > 0) delay = Duration.ofSeconds(1);
            return delay;
        }

        @Override
        public void succeeded() {
            delay = Duration.ZERO;
        }

        @Override
        public String logLine(String error, Duration wait) {
            long ms = wait.toMillis();
            return "http: Accept error: " + error + "; retrying in " + (ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms");
        }
    }

    /** Doubles for ever: after nine failures in a row the loop waits 1.28 s, then 2.56 s, ... */
    public static final class NoCeiling extends Base {
        @Override
        public Duration failed() {
            delay = delay.isZero() ? Duration.ofMillis(5) : delay.multipliedBy(2);
            return delay;
        }
    }

    /** Forgets to start over after a success: the waits keep growing across good accepts. */
    public static final class NoReset extends Base {
        @Override
        public void succeeded() {}
    }

    /** Caps before doubling: 640 ms is under the ceiling, so it doubles to 1.28 s. */
    public static final class CapBeforeDoubling extends Base {
        @Override
        public Duration failed() {
            if (delay.isZero()) delay = Duration.ofMillis(5);
            else if (delay.compareTo(Duration.ofSeconds(1)) < 0) delay = delay.multipliedBy(2);
            return delay;
        }
    }

    /** Starts at 5 ms but doubles before the first wait, so the first failure waits 10 ms. */
    public static final class DoublesFirst extends Base {
        public DoublesFirst() {
            delay = Duration.ofMillis(5);
        }

        @Override
        public Duration failed() {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(Duration.ofSeconds(1)) > 0) delay = Duration.ofSeconds(1);
            return delay;
        }

        @Override
        public void succeeded() {
            delay = Duration.ofMillis(5);
        }
    }

    /** Prints every wait in milliseconds: "retrying in 1000ms" where Go prints "1s". */
    public static final class MillisEverywhere extends Base {
        @Override
        public String logLine(String error, Duration wait) {
            return "http: Accept error: " + error + "; retrying in " + wait.toMillis() + "ms";
        }
    }

    /** Prints the wait as Java does: "PT0.005S". */
    public static final class JavaDuration extends Base {
        @Override
        public String logLine(String error, Duration wait) {
            return String.format("http: Accept error: %s; retrying in %s", error, wait);
        }
    }
}
