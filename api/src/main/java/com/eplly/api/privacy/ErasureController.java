package com.eplly.api.privacy;

import com.eplly.api.admin.AdminPrincipal;
import com.eplly.api.audit.AuditAction;
import com.eplly.api.config.OpenApiConfig;
import com.eplly.api.errors.BadRequestException;
import com.eplly.contracts.codec.Validation;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.contracts.privacy.ReaderErasureJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /v1/admin/readers/{readerId}}: erases a reader (GDPR article 17). Guarded, like every
 * {@code /v1/admin} path, by the API key. Answers 202 once the erasure is on the {@code erasures}
 * topic: ingest then deletes the reader's Redis keys within seconds (the api holds no reader data
 * of its own), and training and evaluation leave the reader's past events out. See docs/privacy.md.
 */
@RestController
@Tag(name = "privacy", description = "readers' erasure; every call needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
@RequestMapping(value = ErasureController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class ErasureController {

  static final String BASE = "/v1/admin/readers";

  private final ErasurePublisher publisher;
  private final Clock clock;
  private final ReaderErasureJson json = new ReaderErasureJson();

  public ErasureController(ErasurePublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  @Operation(summary = "Erase a reader: within 5 s no Redis key holds their data and the api answers for the id as"
      + " for a new reader; their past events leave training at once and the lake at the next compaction."
      + " 202 with the erasure once Kafka holds it; 503 when Kafka is unavailable (nothing was erased)")
  @DeleteMapping("/{readerId}")
  @AuditAction("reader.erase")
  public ResponseEntity<String> erase(@PathVariable String readerId,
      @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal who) {
    Validation.idReason("readerId", readerId).ifPresent(reason -> {
      throw new BadRequestException(reason);
    });
    // requested by the admin key's name, the same actor the audit log records for this request
    ReaderErasure erasure = new ReaderErasure(readerId, clock.millis(), who.name());
    publisher.publish(erasure);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new String(json.write(erasure), StandardCharsets.UTF_8));
  }
}
