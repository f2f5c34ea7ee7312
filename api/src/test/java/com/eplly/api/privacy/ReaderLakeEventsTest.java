package com.eplly.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.UnavailableException;
import com.eplly.api.support.LakeFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The lake part's bounds and its answer without a lake (the erasure rules: {@code ExportApiTest}). */
class ReaderLakeEventsTest {

  @TempDir Path lake;

  @Test
  void withoutALakeTheExportSaysItsLakePartIsMissingRatherThanEmpty() {
    // as application.yml leaves it: `dir:` with no value, which must not mean the working directory
    EpllyProperties bound = new Binder(new MapConfigurationPropertySource(Map.of("eplly.lake.dir", "")))
        .bindOrCreate("eplly", EpllyProperties.class);
    LakePart part = events(bound.lake()).of("r-1");

    assertThat(part.available()).isFalse();
    assertThat(part.reason()).contains("eplly.lake.dir");
    assertThat(part.pageViews()).isNull();
  }

  @Test
  void listsAtMostMaxEventsOfEachKindAndCountsAndMarksTheRest() {
    LakeFixture.write(lake);

    LakePart part = events(new EpllyProperties.Lake(lake, Duration.ofSeconds(30), 1, 1, DataSize.ofMegabytes(64)))
        .of("r-1");

    assertThat(part.pageViews()).hasSize(1);
    assertThat(part.pageViews().get(0).get("eventId").asString()).isEqualTo("e1");
    assertThat(part.counts().pageViews()).isEqualTo(2);
    assertThat(part.impressions()).hasSize(1);
    assertThat(part.counts().impressions()).isEqualTo(2);
    assertThat(part.truncated()).isTrue();
  }

  @Test
  void aConfiguredLakeThatIsNotThereIsAnErrorNotAnEmptyExport() {
    EpllyProperties.Lake missing = new EpllyProperties.Lake(lake.resolve("not-mounted"), Duration.ofSeconds(30), 10, 1,
        DataSize.ofMegabytes(64));

    assertThatThrownBy(() -> events(missing).of("r-1")).isInstanceOf(UnavailableException.class)
        .hasMessageContaining("not-mounted");
  }

  private static ReaderLakeEvents events(EpllyProperties.Lake settings) {
    EpllyProperties properties = new EpllyProperties(null, null, null, null, null, null, null, null, null, settings);
    return new ReaderLakeEvents(properties, JsonMapper.builder().build());
  }
}
