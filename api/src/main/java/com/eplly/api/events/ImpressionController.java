package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.ViewableImpression;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/impressions}: the widget's report that a served block was viewable, produced to the
 * impressions topic. The same intake as page views ({@link EventIntake}): origin and client limit
 * first, then a bounded body, the shared codec's validation, the reader's limit, and 202 once Kafka
 * holds it.
 */
@RestController
@Tag(name = "events")
public class ImpressionController {

  static final String PATH = "/v1/impressions";
  static final String METER = "eplly.impressions";

  private final EventCodec codec;
  private final PageViewPublisher publisher;
  private final EventIntake intake;

  public ImpressionController(
      EventCodec codec, PageViewPublisher publisher, EventRateLimits limits, Bulkhead intake,
      EpllyProperties properties, MeterRegistry registry) {
    this.codec = codec;
    this.publisher = publisher;
    this.intake = new EventIntake(METER, limits, intake, properties.events().readTimeout(), registry);
  }

  @Operation(
      summary = "Record that a served block was viewable (at least half on screen for one continuous second); "
          + "202 once Kafka holds it",
      description = "kind may be left out; articleIds lists the block top first. Errors as POST /v1/events: "
          + "400 naming the bad field, 413, 403, 429 and 503 with Retry-After.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
          @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ViewableImpression.class)),
          @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(implementation = ViewableImpression.class)),
          @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(implementation = ViewableImpression.class))}))
  @PostMapping(
      path = PATH,
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public ResponseEntity<ImpressionAccepted> impression(HttpServletRequest request) {
    ViewableImpression seen =
        intake.accept(request, codec::decodeViewable, ViewableImpression::readerId, publisher::publishViewable);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ImpressionAccepted(seen.requestId()));
  }
}
