/**
 * The grading machinery of the exercises: properties checked with QuickTheories against a
 * student's code, the report a student reads, tiered hints, and Exercism's {@code results.json}
 * for classroom autograding.
 *
 * <p>An {@link nethttp.exercises.Exercise} names its folder, its chapter and its properties. A
 * {@link nethttp.exercises.Property} is checked against a <em>subject</em>: the student's code,
 * the library's own code (the reference), or a deliberately wrong solution (a chaff, in the
 * tests). Each exercise's graders live in {@code nethttp.exercises.graders}.
 */
package nethttp.exercises;
