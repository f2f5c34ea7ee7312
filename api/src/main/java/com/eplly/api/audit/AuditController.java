package com.eplly.api.audit;

import com.eplly.api.config.OpenApiConfig;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.redis.Keyspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code GET /v1/admin/audit}: the newest admin actions, as ingest copied them from the audit topic
 * (seconds behind it); the lake's {@code audit} dataset holds all of them. Guarded by the admin key.
 */
@RestController
@Tag(name = "audit", description = "Who did what to the admin endpoints; needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
public class AuditController {

  static final String PATH = "/v1/admin/audit";

  private final UnifiedJedis redis;

  public AuditController(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Operation(summary = "The newest admin actions first: id, at (epoch ms), actor (the key's name), action,"
      + " method, path, target, details, status, requestId")
  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public String recent(@RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > Keyspace.AUDIT_RECENT_MAX) {
      throw new BadRequestException("limit must be 1.." + Keyspace.AUDIT_RECENT_MAX);
    }
    List<String> newest;
    try {
      newest = redis.zrevrange(Keyspace.auditRecent(), 0, limit - 1L);
    } catch (JedisException e) {
      throw new UnavailableException("the audit log (Redis) is unavailable, retry later", e);
    }
    // the members are the events' JSON as ingest validated and wrote them: no need to parse them again
    return "[" + String.join(",", newest) + "]";
  }
}
