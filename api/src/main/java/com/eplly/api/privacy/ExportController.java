package com.eplly.api.privacy;

import com.eplly.api.audit.AuditAction;
import com.eplly.api.config.OpenApiConfig;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.codec.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code GET /v1/admin/readers/{readerId}/export}: everything held about a reader (GDPR article 15):
 * every Redis key an erasure would delete, with its value and time to live, then the reader's records
 * in the lake ({@link ReaderLakeEvents}). Audited like a mutation, since it shows personal data.
 */
@RestController
@Tag(name = "privacy", description = "readers' erasure and export; every call needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
@RequestMapping(value = ErasureController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class ExportController {

  /** The export: when it was read, the reader, the Redis keys they have (none: an empty list), their lake records. */
  public record ReaderExport(String readerId, Instant exportedAt, List<ReaderRedisState.HeldKey> redis, LakePart lake) {}

  private final ReaderRedisState state;
  private final ReaderLakeEvents lake;
  private final Clock clock;

  public ExportController(ReaderRedisState state, ReaderLakeEvents lake, Clock clock) {
    this.state = state;
    this.lake = lake;
    this.clock = clock;
  }

  @Operation(summary = "Everything held about a reader: the Redis keys an erasure deletes (recent reads, sessions,"
      + " each published version's list, experiment units, with values and TTLs) and their lake records (page"
      + " views, impressions, erasures, admin actions; erasures applied, capped at eplly.lake.max-events each)."
      + " 503 when Redis or the lake cannot be read, or another export is reading the lake")
  @GetMapping("/{readerId}/export")
  @AuditAction("reader.export")
  public ReaderExport export(@PathVariable String readerId) {
    Validation.idReason("readerId", readerId).ifPresent(reason -> {
      throw new BadRequestException(reason);
    });
    Instant exportedAt = clock.instant();
    List<ReaderRedisState.HeldKey> redis;
    try {
      redis = state.of(readerId);
    } catch (JedisException e) {
      throw new UnavailableException("Redis is unavailable, retry later", e);
    }
    return new ReaderExport(readerId, exportedAt, redis, lake.of(readerId));
  }
}
