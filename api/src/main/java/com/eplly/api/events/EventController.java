package com.eplly.api.events;

import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.Counter;
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
 * {@code POST /v1/events}: takes a page view as raw JSON bytes, validates it with the shared codec
 * (so the api accepts exactly what ingest will), and answers 202 once Kafka has it. Origin and the
 * client's rate limit are checked before the body by {@link EventIntakeFilter}; the body is read
 * with a bounded buffer, and at most {@code eplly.events.max-concurrent} requests are read or
 * published at once.
 */
@RestController
@Tag(name = "events")
public class EventController {

  static final String PATH = "/v1/events";
  static final String METER = "eplly.events";

  private final EventCodec codec;
  private final PageViewPublisher publisher;
  private final EventIntake intake;
  private final Counter clicks;

  public EventController(
      EventCodec codec, PageViewPublisher publisher, EventRateLimits limits, Bulkhead intake,
      EpllyProperties properties, MeterRegistry registry) {
    this.codec = codec;
    this.publisher = publisher;
    this.intake = new EventIntake(METER, limits, intake, properties.events().readTimeout(), registry);
    this.clicks = Counter.builder("eplly.suggestions.clicks")
        .description("Accepted page views that came from a suggestion (they carry referrerArticleId)")
        .register(registry);
  }

  // Form posts are refused: the servlet would re-encode their body. text/plain lets portals use
  // navigator.sendBeacon, which cannot set a JSON content type. The body is read by hand, not by
  // @RequestBody, so that its size and arrival time are bounded before it is in memory.
  @Operation(
      summary = "Record a page view (202 once Kafka holds it; referrerArticleId marks a suggestion click, "
          + "requestId and position attribute it to the answer and slot that was clicked)",
      description = "413 over " + EventCodec.MAX_RECORD_BYTES + " bytes, 403 from a page of a disallowed origin, "
          + "429 over the client's or reader's rate limit and 503 while Kafka is unavailable, both with Retry-After.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
          @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
          @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(implementation = PageView.class)),
          @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(implementation = PageView.class))}))
  @PostMapping(
      path = PATH,
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public ResponseEntity<EventAccepted> pageView(HttpServletRequest request) {
    PageView view = intake.accept(request, codec::decodePageView, PageView::readerId, publisher::publish);
    if (view.referrerArticleId() != null) {
      clicks.increment();
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EventAccepted(view.eventId()));
  }
}
