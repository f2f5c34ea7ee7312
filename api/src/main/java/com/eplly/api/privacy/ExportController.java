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
 * {@code GET /v1/admin/readers/{readerId}/export}: what the serving side holds about a reader (GDPR
 * article 15), every Redis key an erasure would delete, with its value and time to live. The
 * reader's events in the lake need Spark: {@code reco export --reader ID} (docs/privacy.md). Audited
 * like a mutation, since it shows personal data.
 */
@RestController
@Tag(name = "privacy", description = "readers' erasure and export; every call needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
@RequestMapping(value = ErasureController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class ExportController {

  /** The export: when it was read, the reader, the Redis keys they have (none: an empty list), and where the rest is. */
  public record ReaderExport(String readerId, Instant exportedAt, List<ReaderRedisState.HeldKey> redis, String lake) {}

  static final String LAKE = "the reader's page views and impressions in the lake: reco export --reader ID"
      + " (a Spark job over the compacted Parquet hours and the JSONL tail)";

  private final ReaderRedisState state;
  private final Clock clock;

  public ExportController(ReaderRedisState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  @Operation(summary = "Everything Redis holds about a reader: recent reads, sessions, each published version's"
      + " list, experiment units, with values and TTLs; their lake events come from reco export --reader ID")
  @GetMapping("/{readerId}/export")
  @AuditAction("reader.export")
  public ReaderExport export(@PathVariable String readerId) {
    Validation.idReason("readerId", readerId).ifPresent(reason -> {
      throw new BadRequestException(reason);
    });
    try {
      return new ReaderExport(readerId, clock.instant(), state.of(readerId), LAKE);
    } catch (JedisException e) {
      throw new UnavailableException("Redis is unavailable, retry later", e);
    }
  }
}
