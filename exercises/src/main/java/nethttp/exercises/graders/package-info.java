/**
 * One grader per exercise: the interface the student's code is seen through, the adapters for
 * the student's file and for the library (the reference, and the oracle where comparing with it
 * is natural), the input generators and the properties.
 *
 * <p>Generators list their choices simplest first, since QuickTheories shrinks towards the first
 * choice: a counterexample then ends on the plainest input that still fails.
 */
package nethttp.exercises.graders;
