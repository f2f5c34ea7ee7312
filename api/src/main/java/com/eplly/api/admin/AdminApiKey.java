package com.eplly.api.admin;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.ForbiddenException;
import com.eplly.api.errors.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the admin endpoints: the {@value #HEADER} header must equal {@code eplly.admin.api-key};
 * with no key configured the endpoints are disabled rather than open.
 */
@Component
public class AdminApiKey implements HandlerInterceptor {

  /** The request header carrying the key. */
  public static final String HEADER = "X-Api-Key";

  private final byte[] key;

  public AdminApiKey(EpllyProperties properties) {
    String configured = properties.admin().apiKey();
    this.key = configured == null || configured.isBlank()
        ? null : configured.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (key == null) {
      throw new ForbiddenException(
          "admin endpoints are disabled: set eplly.admin.api-key (env EPLLY_ADMIN_API_KEY) to enable them");
    }
    String given = request.getHeader(HEADER);
    // constant-time comparison: the answer time must not reveal how much of the key matched
    if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
      throw new UnauthorizedException("missing or wrong " + HEADER + " header");
    }
    return true;
  }
}
