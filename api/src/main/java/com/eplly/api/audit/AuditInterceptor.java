package com.eplly.api.audit;

import com.eplly.api.admin.AdminPrincipal;
import com.eplly.api.errors.RequestIdFilter;
import com.eplly.contracts.audit.AuditEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Audits every admin mutation (POST, PUT, PATCH, DELETE under {@code /v1/admin}), and every read
 * whose handler is marked {@link AuditAction} (a reader's export), once its answer is known, so that
 * no controller can forget: who (the key's name), the action, its target, the query
 * parameters and the status, refusals included. It runs after the key check, so a request without
 * a valid key is not audited: it has no name to record, and anyone could fill the log with them.
 *
 * <p>The action is {@code resource.verb}: the path's first word after {@code /v1/admin} made
 * singular, then its last word when that is not a variable ({@code models/{v}/activate}: {@code
 * model.activate}), else the method's ({@code create}, {@code update}, {@code delete}); a handler
 * may name it with {@link AuditAction}. The target is what the handler set in {@link AuditDetails},
 * else the path's first variable, else the last word of a {@code Location} answered.
 */
@Component
public class AuditInterceptor implements HandlerInterceptor {

  private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String ADMIN = "/v1/admin/";
  /** Admin endpoints take a few query parameters; a caller's hundreds would not all be kept. */
  private static final int MAX_PARAMETERS = 20;
  /** A path variable of a pattern, {@code {name}} or {@code {name:regex}} or {@code {*name}}. */
  private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)[^}]*}");

  private final AuditLog auditLog;
  private final Clock clock;

  public AuditInterceptor(AuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    // every mutation, and the reads a handler names (a reader's export shows personal data)
    if (MUTATIONS.contains(request.getMethod())
        || handler instanceof HandlerMethod method && method.hasMethodAnnotation(AuditAction.class)) {
      request.setAttribute(AuditDetails.ATTRIBUTE, new AuditDetails());
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    if (!(request.getAttribute(AuditDetails.ATTRIBUTE) instanceof AuditDetails added)
        || !(request.getAttribute(AdminPrincipal.ATTRIBUTE) instanceof AdminPrincipal principal)) {
      return;
    }
    // an exception no handler resolved is answered 500 after this point
    int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
    String path = request.getRequestURI();
    Map<String, String> details = new LinkedHashMap<>();
    queryParameters(request).forEach((name, values) -> {
      if (details.size() < MAX_PARAMETERS) {
        details.put(name, AuditDetails.cut(String.join(",", values)));
      }
    });
    details.putAll(added.details());
    auditLog.record(new AuditEvent(UUID.randomUUID().toString(), clock.millis(), principal.name(),
        action(request, handler), request.getMethod(), path, target(request, response, added), details, status,
        RequestIdFilter.of(request)));
  }

  /** The query string's parameters only: a form body is no business of the audit log. */
  private static MultiValueMap<String, String> queryParameters(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return new LinkedMultiValueMap<>();
    }
    MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
    UriComponentsBuilder.newInstance().query(query).build().getQueryParams().forEach((name, values) ->
        values.forEach(v -> decoded.add(UriUtils.decode(name, StandardCharsets.UTF_8),
            v == null ? "" : UriUtils.decode(v, StandardCharsets.UTF_8))));
    return decoded;
  }

  private static String action(HttpServletRequest request, Object handler) {
    if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(AuditAction.class)) {
      return method.getMethodAnnotation(AuditAction.class).value();
    }
    // the matched pattern tells variables from words; without a handler (404, 405) the path itself
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String path = pattern instanceof String p && p.startsWith(ADMIN) ? p : request.getRequestURI();
    List<String> words = path.startsWith(ADMIN)
        ? List.of(path.substring(ADMIN.length()).split("/")) : List.of(path);
    String resource = singular(words.get(0));
    String last = words.get(words.size() - 1);
    boolean verbInPath = words.size() > 1 && !last.startsWith("{");
    return resource + "." + (verbInPath ? last : verbOf(request.getMethod()));
  }

  private static String singular(String word) {
    return word.endsWith("s") && word.length() > 1 ? word.substring(0, word.length() - 1) : word;
  }

  private static String verbOf(String method) {
    return switch (method) {
      case "POST" -> "create";
      case "DELETE" -> "delete";
      default -> "update";
    };
  }

  private static String target(HttpServletRequest request, HttpServletResponse response, AuditDetails added) {
    if (added.target() != null) {
      return added.target();
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    Matcher first = VARIABLE.matcher(String.valueOf(pattern));
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (first.find() && variables instanceof Map<?, ?> values && values.get(first.group(1)) instanceof String value) {
      return value;
    }
    String location = response.getHeader(HttpHeaders.LOCATION);
    if (location != null && location.contains("/")) {
      return location.substring(location.lastIndexOf('/') + 1);
    }
    return null;
  }
}
