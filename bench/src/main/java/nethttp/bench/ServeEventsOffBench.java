package nethttp.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link ServeBench} with the event calls folded away by {@code -Dnethttp.events=off}. */
@Fork(value = 3, jvmArgsAppend = "-Dnethttp.events=off")
public class ServeEventsOffBench extends ServeBench {}
