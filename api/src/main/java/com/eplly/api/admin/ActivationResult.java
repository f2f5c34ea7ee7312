package com.eplly.api.admin;

/**
 * The answer of an activate or rollback.
 *
 * @param active   the version now active
 * @param previous the version active before, or null
 */
public record ActivationResult(String active, String previous) {}
