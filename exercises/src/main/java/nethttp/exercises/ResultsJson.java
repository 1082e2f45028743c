package nethttp.exercises;

import java.util.List;

/**
 * Writes Exercism's test-runner {@code results.json}, version 3, which classroom autograders
 * read: an overall {@code status} ({@code pass}, {@code fail} or {@code error}), and one entry
 * per property with its {@code name}, {@code status}, {@code message} (the counterexample) and
 * {@code test_code} (the claim in words).
 */
public final class ResultsJson {
    private ResultsJson() {}

    /**
     * One graded property, named after its exercise; or, with {@code verdict} null, an exercise
     * that could not be graded because its file does not compile ({@code error}: the compiler's
     * messages).
     */
    public record Entry(String exercise, Verdict verdict, String error) {
        public Entry(String exercise, Verdict verdict) {
            this(exercise, verdict, null);
        }

        /** An exercise whose file does not compile. */
        public static Entry error(String exercise, String compilerMessages) {
            return new Entry(exercise, null, compilerMessages);
        }
    }

    /**
     * The document for a run that graded {@code entries}: {@code error} when a file did not
     * compile (its entry says why, and the other exercises are still listed), else {@code fail}
     * or {@code pass}.
     */
    public static String of(List<Entry> entries) {
        List<String> broken = entries.stream().filter(e -> e.verdict() == null).map(Entry::exercise).toList();
        boolean allPassed = entries.stream().allMatch(e -> e.verdict() != null && e.verdict().passed());
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"version\": 3,\n  \"status\": \"")
                .append(!broken.isEmpty() ? "error" : allPassed ? "pass" : "fail").append("\",\n");
        if (!broken.isEmpty()) {
            json.append("  \"message\": ").append(quote("does not compile: " + String.join(", ", broken))).append(",\n");
        }
        json.append("  \"tests\": [");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Verdict v = e.verdict();
            json.append(i == 0 ? "\n" : ",\n").append("    {\n");
            if (v == null) {
                field(json, "name", e.exercise() + ": compiles").append(",\n");
                json.append("      \"status\": \"error\",\n");
                field(json, "message", e.error());
                json.append("\n    }");
                continue;
            }
            field(json, "name", e.exercise() + ": " + v.property()).append(",\n");
            field(json, "test_code", v.statement()).append(",\n");
            json.append("      \"status\": \"").append(v.passed() ? "pass" : "fail").append('"');
            if (!v.passed()) {
                json.append(",\n");
                field(json, "message", Report.failureText(v));
            }
            json.append("\n    }");
        }
        json.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
    }

    /** The document for a run that could not grade at all. */
    public static String error(String message) {
        return "{\n  \"version\": 3,\n  \"status\": \"error\",\n  \"message\": " + quote(message)
                + ",\n  \"tests\": []\n}\n";
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return json.append("      \"").append(name).append("\": ").append(quote(value));
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
