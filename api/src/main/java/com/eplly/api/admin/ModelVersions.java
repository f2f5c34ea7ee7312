package com.eplly.api.admin;

import java.util.List;

/**
 * The answer of {@code GET /v1/admin/models}.
 *
 * @param active   the version the api serves, or null
 * @param versions published versions, newest first
 */
public record ModelVersions(String active, List<ModelVersion> versions) {}
