/**
 * Correct solutions written otherwise than the library (a regex, streams, BigInteger...), shaped
 * like the student's file. Every grader must accept them: a grader that rejects a right answer
 * for its style is as wrong as one that passes a wrong one.
 */
package nethttp.exercises.alternatives;
