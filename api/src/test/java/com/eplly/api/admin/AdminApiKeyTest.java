package com.eplly.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.ForbiddenException;
import com.eplly.api.errors.UnauthorizedException;
import java.lang.reflect.Proxy;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class AdminApiKeyTest {

  @Test
  void disabledWithoutAConfiguredKey() {
    AdminApiKey guard = new AdminApiKey(properties(" "));
    assertThatThrownBy(() -> guard.preHandle(request("anything"), null, null))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("eplly.admin.api-key");
  }

  @Test
  void acceptsOnlyTheExactKey() {
    AdminApiKey guard = new AdminApiKey(properties("s3cret"));
    assertThat(guard.preHandle(request("s3cret"), null, null)).isTrue();
    assertThatThrownBy(() -> guard.preHandle(request("s3cret "), null, null))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> guard.preHandle(request(null), null, null))
        .isInstanceOf(UnauthorizedException.class);
  }

  private static EpllyProperties properties(String key) {
    return new EpllyProperties(null, null, null, new EpllyProperties.Admin(key), null);
  }

  /** Only getHeader is used by the guard. */
  private static HttpServletRequest request(String key) {
    return (HttpServletRequest) Proxy.newProxyInstance(AdminApiKeyTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class},
        (proxy, method, args) -> method.getName().equals("getHeader") && AdminApiKey.HEADER.equals(args[0])
            ? key : null);
  }
}
