package com.eplly.api.events;

import com.eplly.contracts.codec.EventCodec;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the shared wire codec, validating against the injected clock. */
@Configuration(proxyBeanMethods = false)
class EventCodecConfig {

  @Bean
  EventCodec eventCodec(Clock clock) {
    return new EventCodec(clock);
  }
}
