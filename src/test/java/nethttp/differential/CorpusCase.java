package nethttp.differential;

import java.util.Set;

/**
 * One request of the differential corpus: the raw bytes to send and how to read the answer.
 *
 * @param name the case's name, {@code file/case}, unique in the corpus
 * @param description one line saying what the case probes
 * @param request the exact bytes written to a fresh connection, in one write
 * @param responses how many final (non-1xx) responses to wait for before probing the connection
 * @param headResponses which of those responses (counted from 1) answer a {@code HEAD} request
 *     and so carry no body whatever their header says
 * @param shutdownWrite whether to end our side of the stream after the request instead of
 *     probing: for requests that promise more body than they carry, whose server would otherwise
 *     wait for the rest
 * @param timeouts whether to play the case against the two servers that have all four timeouts
 *     set (see {@code DifferentialTest.TIMEOUTS}) instead of the two that have none
 * @param awaitClose whether, after the expected responses, to send nothing more and wait for the
 *     server to close the connection by itself (an idle or read timeout)
 */
public record CorpusCase(
        String name, String description, byte[] request, int responses, Set<Integer> headResponses, boolean shutdownWrite,
        boolean timeouts, boolean awaitClose) {

    /** A case for the servers without timeouts that probes or shuts down as told. */
    public CorpusCase(String name, String description, byte[] request, int responses, Set<Integer> headResponses,
            boolean shutdownWrite) {
        this(name, description, request, responses, headResponses, shutdownWrite, false, false);
    }

    /** Whether the {@code index}-th final response (from 1) answers a HEAD request. */
    public boolean isHeadResponse(int index) {
        return headResponses.contains(index);
    }

    @Override
    public String toString() {
        return name;
    }
}
