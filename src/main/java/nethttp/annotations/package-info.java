/**
 * The bottom of the package graph: {@link nethttp.annotations.Mirrors}, the annotation that names
 * the Go file and function a class or method retells, read by the book's Go index.
 *
 * <p>It retells no Go file; it is how every other package says which Go file it retells, and it
 * imports nothing, so any package may use it without reaching above itself.
 *
 * <p>Explained in chapter 0 of the book, "How to read this book".
 */
package nethttp.annotations;
