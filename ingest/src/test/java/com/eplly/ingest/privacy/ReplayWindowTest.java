package com.eplly.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.ingest.config.IngestProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which erasures a restart deletes again: those younger than the longest-lived reader key, plus a day. */
class ReplayWindowTest {

  @Test
  void theLongestReaderKeyLifetimePlusADay() {
    assertThat(ErasureFollower.replayWindow(live(Map.of()))).isEqualTo(Duration.ofDays(31));
    assertThat(ErasureFollower.replayWindow(live(Map.of("eplly.ingest.live.reader-recent-ttl", "60d"))))
        .isEqualTo(Duration.ofDays(61));
    // shorter reader lists leave the experiment unit markers' 30 days as the longest
    assertThat(ErasureFollower.replayWindow(live(Map.of("eplly.ingest.live.reader-recent-ttl", "7d"))))
        .isEqualTo(Duration.ofDays(31));
  }

  private static IngestProperties.Live live(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("eplly", IngestProperties.class)
        .ingest().live();
  }
}
