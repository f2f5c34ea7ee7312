package com.eplly.deploy.spark;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.demo.DemoConfig;
import com.eplly.contracts.demo.DemoDataGenerator;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a generated portal straight into a lake folder, laid out as ingest writes it (hourly
 * files named by partition and offsets), so Spark jobs can be run without Kafka.
 */
public final class GeneratedLake {

  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  /** Writes the catalog and every page view of {@code config}; returns the number of page views. */
  public int write(DemoConfig config, Path lake) {
    DemoDataGenerator generator = new DemoDataGenerator(config);
    List<byte[]> articles = generator.articles().stream().map(codec::encode).toList();
    long newest = generator.articles().get(articles.size() - 1).publishedAt();
    writeFile(lake, LakeLayout.ARTICLES, LakeLayout.hourFolder(newest), 0, 0, articles);

    Map<String, List<PageView>> byHour = new TreeMap<>();
    generator.pageViews().forEachRemaining(v ->
        byHour.computeIfAbsent(LakeLayout.hourFolder(v.timestamp()), h -> new java.util.ArrayList<>()).add(v));
    long offset = 0;
    int views = 0;
    for (Map.Entry<String, List<PageView>> hour : byHour.entrySet()) {
      List<byte[]> lines = hour.getValue().stream().map(codec::encode).toList();
      writeFile(lake, LakeLayout.PAGE_VIEWS, hour.getKey(), 0, offset, lines);
      offset += lines.size();
      views += lines.size();
    }
    return views;
  }

  private static void writeFile(Path lake, String dataset, String hourFolder, int partition, long first, List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      out.writeBytes(line);
      out.write('\n');
    }
    try {
      Path dir = lake.resolve(dataset).resolve(hourFolder);
      Files.createDirectories(dir);
      Files.write(dir.resolve(LakeLayout.fileName(partition, first, first + lines.size() - 1)), out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated lake under " + lake + ": " + e.getMessage(), e);
    }
  }
}
