package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;

/**
 * Which pages may post page views. A text/plain post (the widget's, {@code sendBeacon}'s) needs
 * no CORS preflight, so the browser sends it whatever the CORS headers say: the server itself must
 * refuse disallowed origins.
 */
@Component
public class EventOriginPolicy {

  private final CorsConfiguration allowed = new CorsConfiguration();

  public EventOriginPolicy(EpllyProperties properties) {
    allowed.setAllowedOrigins(properties.widget().allowedOrigins());
  }

  /**
   * True without an Origin (not a browser, or a same-origin navigation), for the api's own origin
   * and for configured origins; false for any other, including the opaque {@code null} origin.
   */
  public boolean allows(HttpServletRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return true;
    }
    try {
      if (!CorsUtils.isCorsRequest(request)) {
        return true;
      }
    } catch (RuntimeException malformed) {
      return false;
    }
    return allowed.checkOrigin(origin) != null;
  }
}
