package com.eplly.api.events;

import com.eplly.api.errors.BadRequestException;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import io.micrometer.core.instrument.Counter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/events}: takes a page view as raw JSON bytes, validates it with the shared codec
 * (so the api accepts exactly what ingest will), and answers 202 once Kafka has it.
 */
@RestController
@Tag(name = "events")
public class EventController {

  private final EventCodec codec;
  private final PageViewPublisher publisher;
  private final MeterRegistry registry;
  private final Counter clicks;

  public EventController(EventCodec codec, PageViewPublisher publisher, MeterRegistry registry) {
    this.codec = codec;
    this.publisher = publisher;
    this.registry = registry;
    this.clicks = Counter.builder("eplly.suggestions.clicks")
        .description("Accepted page views that came from a suggestion (they carry referrerArticleId)")
        .register(registry);
  }

  // Form posts are refused: the servlet would re-encode their body. text/plain lets portals use
  // navigator.sendBeacon, which cannot set a JSON content type.
  @Operation(summary = "Record a page view (202 once Kafka holds it; referrerArticleId marks a suggestion click)")
  @PostMapping(
      path = "/v1/events",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public ResponseEntity<EventAccepted> pageView(@RequestBody(required = false) byte[] body) {
    Decoded<PageView> decoded = codec.decodePageView(body);
    if (decoded instanceof Decoded.Invalid<PageView> invalid) {
      count("rejected");
      throw new BadRequestException(invalid.reason());
    }
    PageView view = ((Decoded.Valid<PageView>) decoded).value();
    try {
      publisher.publish(view);
    } catch (RuntimeException e) {
      count("unavailable");
      throw e;
    }
    count("accepted");
    if (view.referrerArticleId() != null) {
      clicks.increment();
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EventAccepted(view.eventId()));
  }

  private void count(String outcome) {
    registry.counter("eplly.events", "outcome", outcome).increment();
  }
}
