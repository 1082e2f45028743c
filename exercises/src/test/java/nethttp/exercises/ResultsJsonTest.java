package nethttp.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The results file follows Exercism's test-runner interface, version 3. */
class ResultsJsonTest {
    @Test
    void failedRunListsEveryPropertyWithItsCounterexample() {
        Verdict ok = new Verdict("is idempotent", "f(f(x)) = f(x)", true, "", "", false, 7);
        Verdict bad = new Verdict("agrees", "f = g", false, "key \"a b\"", "expected \"A\", got \"a\"", false, 7);
        String json = ResultsJson.of(List.of(new ResultsJson.Entry("01-x", ok), new ResultsJson.Entry("01-x", bad)));
        assertEquals("""
                {
                  "version": 3,
                  "status": "fail",
                  "tests": [
                    {
                      "name": "01-x: is idempotent",
                      "test_code": "f(f(x)) = f(x)",
                      "status": "pass"
                    },
                    {
                      "name": "01-x: agrees",
                      "test_code": "f = g",
                      "status": "fail",
                      "message": "smallest failing input: key \\"a b\\"\\nexpected \\"A\\", got \\"a\\"\\n(seed 7)"
                    }
                  ]
                }
                """, json);
    }

    @Test
    void runThatCouldNotGradeIsAnError() {
        assertEquals("{\n  \"version\": 3,\n  \"status\": \"error\",\n  \"message\": \"no \\\"x\\\"\",\n  \"tests\": []\n}\n",
                ResultsJson.error("no \"x\""));
    }

    @Test
    void aFileThatDoesNotCompileIsAnErrorAndTheOthersAreStillListed() {
        Verdict ok = new Verdict("is idempotent", "f(f(x)) = f(x)", true, "", "", false, 7);
        String json = ResultsJson.of(List.of(new ResultsJson.Entry("01-x", ok),
                ResultsJson.Entry.error("02-y", "exercises/02-y/Y.java:3: error: ';' expected")));
        assertEquals("""
                {
                  "version": 3,
                  "status": "error",
                  "message": "does not compile: 02-y",
                  "tests": [
                    {
                      "name": "01-x: is idempotent",
                      "test_code": "f(f(x)) = f(x)",
                      "status": "pass"
                    },
                    {
                      "name": "02-y: compiles",
                      "status": "error",
                      "message": "exercises/02-y/Y.java:3: error: ';' expected"
                    }
                  ]
                }
                """, json);
    }
}
