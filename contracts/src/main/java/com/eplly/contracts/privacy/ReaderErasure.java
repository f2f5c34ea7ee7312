package com.eplly.contracts.privacy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A reader's erasure (GDPR article 17), the value of the {@code erasures} topic keyed by readerId,
 * and one line of the lake's {@code erasures} dataset.
 *
 * <p>{@code erasedAt} splits the reader's events in two: a page view whose Kafka record timestamp is
 * at or before it belongs to the erased past and is dropped wherever it is met (in flight in ingest,
 * in the lake until {@code reco compact} rewrites the files, in training and evaluation); one after
 * it is new data, the reader having come back. A later erasure of the same reader replaces the
 * earlier one (the topic is compacted), and since it has the later {@code erasedAt} it covers
 * everything the earlier one did.
 *
 * @param readerId    the erased reader
 * @param erasedAt    when the erasure was accepted, epoch milliseconds
 * @param requestedBy who asked for it: the admin key's name, or {@code reco erase}'s operator
 */
@JsonPropertyOrder({"readerId", "erasedAt", "requestedBy"})
public record ReaderErasure(String readerId, long erasedAt, String requestedBy) {

  /** Whether an event of this reader stamped {@code eventTimeMs} (Kafka record time) is erased. */
  public boolean covers(String eventReaderId, long eventTimeMs) {
    return readerId.equals(eventReaderId) && eventTimeMs <= erasedAt;
  }
}
