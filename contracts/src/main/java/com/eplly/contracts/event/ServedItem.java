package com.eplly.contracts.event;

/**
 * One item of a served block.
 *
 * @param articleId the suggested article
 * @param position  1-based place in the block, top first
 * @param reason    why it was suggested, as {@link Reason#wireName()}
 */
public record ServedItem(String articleId, int position, String reason) {}
