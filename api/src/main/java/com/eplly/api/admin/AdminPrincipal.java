package com.eplly.api.admin;

/**
 * Who an admin request acts as: the name of the key it authenticated with. {@link AdminApiKey} sets
 * it as the request attribute {@value #ATTRIBUTE} before any admin handler runs, so a controller
 * takes it with Spring's own {@code @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal who}.
 *
 * @param name the key's name under {@code eplly.admin.keys} ({@code admin} for {@code eplly.admin.api-key})
 */
public record AdminPrincipal(String name) {

  /** The request attribute holding the principal of an authenticated admin request. */
  public static final String ATTRIBUTE = "eplly.adminPrincipal";
}
