package com.eplly.api.events;

import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.TooManyRequestsException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The steps every event endpoint takes after {@link EventIntakeFilter}'s: within the intake bulkhead,
 * read the body with a bounded buffer, decode and validate it (400 with the codec's reason), take one
 * from the reader's rate limit (429), publish (503 while Kafka is unavailable), and count each
 * outcome on the endpoint's meter.
 */
final class EventIntake {

  private final String meter;
  private final EventRateLimits limits;
  private final Bulkhead bulkhead;
  private final Duration readTimeout;
  private final MeterRegistry registry;

  EventIntake(String meter, EventRateLimits limits, Bulkhead bulkhead, Duration readTimeout, MeterRegistry registry) {
    this.meter = meter;
    this.limits = limits;
    this.bulkhead = bulkhead;
    this.readTimeout = readTimeout;
    this.registry = registry;
  }

  /**
   * @param decode   the codec's decoder of this endpoint's record
   * @param readerOf the reader whose rate limit the record takes from
   * @param publish  hands the valid record to Kafka
   * @return the accepted record
   */
  <T> T accept(HttpServletRequest request, Function<byte[], Decoded<T>> decode, Function<T, String> readerOf,
      Consumer<T> publish) {
    try {
      return bulkhead.executeSupplier(() -> steps(request, decode, readerOf, publish));
    } catch (BulkheadFullException e) {
      count("busy");
      throw new UnavailableException("too many events in flight, retry later", e);
    }
  }

  private <T> T steps(HttpServletRequest request, Function<byte[], Decoded<T>> decode, Function<T, String> readerOf,
      Consumer<T> publish) {
    byte[] body;
    try {
      body = BoundedBody.read(request, EventCodec.MAX_RECORD_BYTES, readTimeout);
    } catch (RuntimeException e) {
      count("unreadable");
      throw e;
    }
    Decoded<T> decoded = decode.apply(body);
    if (decoded instanceof Decoded.Invalid<T> invalid) {
      count("rejected");
      throw new BadRequestException(invalid.reason());
    }
    T event = ((Decoded.Valid<T>) decoded).value();
    Optional<Duration> wait = limits.takeReader(readerOf.apply(event));
    if (wait.isPresent()) {
      count("rate-limited");
      throw new TooManyRequestsException("too many events for this reader, retry later", wait.get());
    }
    try {
      publish.accept(event);
    } catch (RuntimeException e) {
      count("unavailable");
      throw e;
    }
    count("accepted");
    return event;
  }

  private void count(String outcome) {
    registry.counter(meter, "outcome", outcome).increment();
  }
}
