package com.eplly.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.ForbiddenException;
import com.eplly.api.errors.UnauthorizedException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AdminApiKeyTest {

  @Test
  void disabledWithoutAConfiguredKey() {
    Map<String, String> unset = new LinkedHashMap<>();
    unset.put("ci", "");
    unset.put("desk", null); // "desk:" with no value in YAML
    AdminApiKey guard = new AdminApiKey(properties(" ", unset));
    assertThatThrownBy(() -> guard.preHandle(request("anything"), null, null))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("eplly.admin.api-key");
  }

  @Test
  void acceptsOnlyTheExactKeyAsAdmin() {
    AdminApiKey guard = new AdminApiKey(properties("s3cret", Map.of()));
    MockHttpServletRequest request = request("s3cret");
    assertThat(guard.preHandle(request, null, null)).isTrue();
    assertThat(request.getAttribute(AdminPrincipal.ATTRIBUTE)).isEqualTo(new AdminPrincipal("admin"));
    assertThatThrownBy(() -> guard.preHandle(request("s3cret "), null, null))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> guard.preHandle(request(null), null, null))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void eachNamedKeyActsUnderItsOwnName() {
    AdminApiKey guard = new AdminApiKey(properties("old-key", Map.of("ci", "ci-key", "desk", "desk-key", "off", "")));

    assertThat(principal(guard, "ci-key")).isEqualTo("ci");
    assertThat(principal(guard, "desk-key")).isEqualTo("desk");
    assertThat(principal(guard, "old-key")).isEqualTo("admin");
    MockHttpServletRequest wrong = request("ci-key-2");
    assertThatThrownBy(() -> guard.preHandle(wrong, null, null)).isInstanceOf(UnauthorizedException.class);
    assertThat(wrong.getAttribute(AdminPrincipal.ATTRIBUTE)).isNull();
  }

  @Test
  void refusesAmbiguousConfigurations() {
    assertThatThrownBy(() -> new AdminApiKey(properties(null, Map.of("ci", "same", "desk", "same"))))
        .hasMessageContaining("have the same key");
    assertThatThrownBy(() -> new AdminApiKey(properties("k1", Map.of("admin", "k2"))))
        .hasMessageContaining("eplly.admin.api-key");
    Map<String, String> badName = new LinkedHashMap<>();
    badName.put("Ci Bot", "k3");
    assertThatThrownBy(() -> new AdminApiKey(properties(null, badName))).hasMessageContaining("Ci Bot");
  }

  private static String principal(AdminApiKey guard, String key) {
    MockHttpServletRequest request = request(key);
    guard.preHandle(request, null, null);
    return ((AdminPrincipal) request.getAttribute(AdminPrincipal.ATTRIBUTE)).name();
  }

  private static EpllyProperties properties(String apiKey, Map<String, String> keys) {
    return new EpllyProperties(null, null, null,
        new EpllyProperties.Admin(apiKey, keys, EpllyProperties.Audit.defaults()), null);
  }

  private static MockHttpServletRequest request(String key) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/admin/models");
    if (key != null) {
      request.addHeader(AdminApiKey.HEADER, key);
    }
    return request;
  }
}
