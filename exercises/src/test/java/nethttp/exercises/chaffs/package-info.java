/**
 * Chaffs: wrong solutions, each modelled on a real mistake, shaped like the student's file so
 * that its method can be pasted into the stub. Every grader must reject every chaff.
 */
package nethttp.exercises.chaffs;
