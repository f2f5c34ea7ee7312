package com.eplly.api.admin;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.ForbiddenException;
import com.eplly.api.errors.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the admin endpoints: the {@value #HEADER} header must hold one of the configured keys
 * ({@code eplly.admin.keys}, plus {@code eplly.admin.api-key} as the key named {@code admin}); the
 * request then acts under that key's name ({@link AdminPrincipal}). With no key configured the
 * endpoints are disabled rather than open.
 */
@Component
public class AdminApiKey implements HandlerInterceptor {

  /** The request header carrying the key. */
  public static final String HEADER = "X-Api-Key";

  /** Names end up in the audit log and the console: short, lower-case, no spaces. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final List<NamedKey> keys;

  public AdminApiKey(EpllyProperties properties) {
    this.keys = keys(properties.admin());
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (keys.isEmpty()) {
      throw new ForbiddenException("admin endpoints are disabled: set eplly.admin.keys.<name> or eplly.admin.api-key"
          + " (env EPLLY_ADMIN_API_KEY) to enable them");
    }
    String given = request.getHeader(HEADER);
    String name = given == null ? null : nameOf(given);
    if (name == null) {
      throw new UnauthorizedException("missing or wrong " + HEADER + " header");
    }
    request.setAttribute(AdminPrincipal.ATTRIBUTE, new AdminPrincipal(name));
    return true;
  }

  /**
   * The name of the key {@code given} equals, or null. Digests are compared, every one of them: the
   * answer time depends neither on how much of a key matched nor on which key, nor on its length.
   */
  private String nameOf(String given) {
    byte[] digest = sha256(given);
    String found = null;
    for (NamedKey key : keys) {
      if (MessageDigest.isEqual(key.digest(), digest) && found == null) {
        found = key.name();
      }
    }
    return found;
  }

  private static List<NamedKey> keys(EpllyProperties.Admin admin) {
    Map<String, String> configured = new LinkedHashMap<>(admin.keys());
    if (admin.apiKey() != null && !admin.apiKey().isBlank()) {
      String named = configured.get(EpllyProperties.Admin.LEGACY_NAME);
      if (named != null && !named.isBlank()) {
        throw new IllegalArgumentException("eplly.admin.api-key is the key named " + EpllyProperties.Admin.LEGACY_NAME
            + ", which eplly.admin.keys also defines: set one of them");
      }
      configured.put(EpllyProperties.Admin.LEGACY_NAME, admin.apiKey());
    }
    List<NamedKey> keys = new ArrayList<>();
    Map<String, String> nameOfKey = new LinkedHashMap<>();
    configured.forEach((name, key) -> {
      if (key == null || key.isBlank()) {
        return; // an unset ${ENV:} turns that one key off
      }
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("eplly.admin.keys: name '" + name + "' must match " + NAME.pattern());
      }
      String other = nameOfKey.putIfAbsent(key, name);
      if (other != null) {
        // one key under two names would make the audit log's actor a guess
        throw new IllegalArgumentException("eplly.admin.keys: " + other + " and " + name + " have the same key");
      }
      keys.add(new NamedKey(name, sha256(key)));
    });
    return List.copyOf(keys);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A configured key, kept as its digest only. */
  private record NamedKey(String name, byte[] digest) {}
}
