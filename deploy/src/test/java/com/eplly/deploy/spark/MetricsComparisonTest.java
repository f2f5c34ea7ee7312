package com.eplly.deploy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsComparisonTest {

  @TempDir
  Path dir;

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }

  @Test
  void wallTimesAreIgnoredAndMetricDifferencesNamedByPath() throws IOException {
    Path a = write("a.json", "{\"seconds\":12.5,\"models\":[{\"name\":\"als\",\"ndcg\":0.41,\"trainSeconds\":3.0}]}");
    Path b = write("b.json", "{\"seconds\":30.1,\"models\":[{\"name\":\"als\",\"ndcg\":0.42,\"trainSeconds\":9.0}]}");

    assertEquals(List.of("/models[0]/ndcg: 0.41 vs 0.42"), MetricsComparison.differences(a, b));
    assertEquals(List.of(), MetricsComparison.differences(a, a));
  }

  @Test
  void missingFieldsAndLengthChangesAreDifferences() throws IOException {
    Path a = write("a.json", "{\"hr\":[1,2],\"mrr\":0.1}");
    Path b = write("b.json", "{\"hr\":[1,2,3],\"map\":0.1}");

    assertEquals(List.of("/hr: [1,2] vs [1,2,3]", "/mrr: only in the first", "/map: only in the second"),
        MetricsComparison.differences(a, b));
  }
}
