package nethttp.concurrent;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The receiving side of a Go {@code select}: the cases post events, one waiter takes them in
 * the order they came.
 *
 * <p>Two kinds of send, as Go has: {@link #post} is a buffered send, which succeeds at once
 * unless the mailbox is closed; {@link #handOff} is an unbuffered send, which waits until the
 * receiver has taken the value and reports {@code false} when the receiver closed the mailbox
 * first (Go's {@code select { case ch <- v: case <-callerGone: }}).
 *
 * <p>The receiver closes the mailbox when it returns, so that late senders learn they are
 * alone. Waiting ignores interruption: cancellation is a {@link Signal} posting an event.
 *
 * @param <E> the events
 */
public final class Mailbox<E> {
    private final ReentrantLock mu = new ReentrantLock();
    private final Condition changed = mu.newCondition();
    private final ArrayDeque<Letter<E>> queue = new ArrayDeque<>();
    private boolean closed;

    private static final class Letter<E> {
        final E event;
        boolean taken;

        Letter(E event) {
            this.event = event;
        }
    }

    // tag::mailbox-send[]
    /** A buffered send: queues {@code event}; {@code false} when the mailbox is closed. */
    public boolean post(E event) {
        mu.lock();
        try {
            if (closed) return false;
            queue.add(new Letter<>(event));
            changed.signalAll();
            return true;
        } finally {
            mu.unlock();
        }
    }

    /**
     * An unbuffered send: queues {@code event} and waits until the receiver takes it
     * ({@code true}) or closes the mailbox without taking it ({@code false}).
     */
    public boolean handOff(E event) {
        mu.lock();
        try {
            if (closed) return false;
            Letter<E> letter = new Letter<>(event);
            queue.add(letter);
            changed.signalAll();
            while (!letter.taken && !closed) changed.awaitUninterruptibly();
            if (!letter.taken) queue.remove(letter);
            return letter.taken;
        } finally {
            mu.unlock();
        }
    }
    // end::mailbox-send[]

    /** Takes the next event, waiting as long as it takes. */
    public E take() {
        return poll(-1);
    }

    /**
     * Takes the next event, waiting at most {@code timeoutNanos} (negative: without limit).
     * Returns null on timeout, or at once when the mailbox is closed and empty.
     */
    public E poll(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        mu.lock();
        try {
            while (queue.isEmpty() && !closed) {
                if (timeoutNanos < 0) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) return null;
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    interrupted = true; // restored below: waiting here ignores it
                }
            }
            Letter<E> letter = queue.poll();
            if (letter == null) return null;
            letter.taken = true;
            changed.signalAll();
            return letter.event;
        } finally {
            mu.unlock();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * The receiver is gone: later sends fail, and senders waiting in {@link #handOff} return
     * {@code false}. Events posted but not taken stay queued and can still be drained with
     * {@link #poll}(0).
     */
    public void close() {
        mu.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            mu.unlock();
        }
    }
}
