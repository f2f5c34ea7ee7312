package com.eplly.recommender.datasets;

/**
 * One interaction of a dataset in the shape every protocol and estimator takes.
 *
 * @param readerId  who (a session id for anonymous data)
 * @param sessionId the visit it belongs to (a reader's whole history when the data has no sessions)
 * @param itemId    what was viewed, rated or clicked
 * @param timestamp epoch ms
 */
public record Interaction(String readerId, String sessionId, String itemId, long timestamp) {}
