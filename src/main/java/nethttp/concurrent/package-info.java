/**
 * The two channel shapes Go's transport is built from, in Java terms, without polling, and the
 * one timer everything else waits on. Retells what the Go runtime gives for free: channels
 * ({@code runtime/chan.go}, {@code select}) and {@code time.AfterFunc} ({@code time/sleep.go}).
 *
 * <p>A {@link nethttp.concurrent.Signal} is a channel that is only ever closed: Go's
 * {@code closech}, {@code ctx.Done()}, a {@code ready} channel. Anyone may wait for it, ask
 * whether it fired, or register a callback that runs when it fires.
 *
 * <p>A {@link nethttp.concurrent.Mailbox} is the receiving end of a {@code select}: every case
 * that can wake a waiting goroutine posts an event into the waiter's mailbox (a callback on a
 * signal, a write loop reporting its result, a read loop handing over a response), and the
 * waiter takes whichever event came first. Go's unbuffered send, which succeeds only when the
 * receiver takes the value, is {@link nethttp.concurrent.Mailbox#handOff}.
 *
 * <p>{@link nethttp.concurrent.Timers} runs a short task once after a delay: context deadlines,
 * the server's write deadlines and the transport's idle timeouts all share its one daemon thread.
 *
 * <p>Told in chapter 1 of the book, "Goroutines in Java", and used throughout chapters 8 and 9.
 */
package nethttp.concurrent;
