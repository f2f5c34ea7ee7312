package com.eplly.ingest.config;

import com.eplly.ingest.lake.HadoopLakeStorage;
import com.eplly.ingest.lake.LakeStorage;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.lake.LocalLakeStorage;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event lake: the storage {@code eplly.ingest.lake-storage} selects, behind one writer. */
@Configuration(proxyBeanMethods = false)
public class LakeConfig {

  /**
   * Opens the lake without walking it, so start-up takes the same time on any lake size; crash
   * leftovers are removed per folder and partition on first write (see {@link LakeWriter}).
   */
  @Bean
  LakeWriter lakeWriter(IngestProperties properties) {
    return new LakeWriter(storage(properties.ingest()));
  }

  static LakeStorage storage(IngestProperties.Ingest ingest) {
    return switch (ingest.lakeStorage()) {
      case LOCAL -> new LocalLakeStorage(localPath(ingest.lakePath()));
      case HADOOP -> new HadoopLakeStorage(lakeUri(ingest.lakePath()), ingest.lakeHadoop());
    };
  }

  /** A plain path or a {@code file:} URI. */
  static Path localPath(String lakePath) {
    if (!lakePath.contains(":")) {
      return Path.of(lakePath);
    }
    URI uri = URI.create(lakePath);
    if (!"file".equals(uri.getScheme())) {
      throw new IllegalArgumentException("eplly.ingest.lake-path " + lakePath
          + ": lake-storage local takes a folder or a file: URI; set eplly.ingest.lake-storage=hadoop for "
          + uri.getScheme() + ":");
    }
    return Path.of(uri);
  }

  /** A URI as given, or a plain (possibly relative) folder as a {@code file:} URI. */
  static URI lakeUri(String lakePath) {
    if (!lakePath.contains(":")) {
      return Path.of(lakePath).toAbsolutePath().normalize().toUri();
    }
    try {
      URI uri = new URI(lakePath);
      if (uri.getScheme() == null) {
        throw new IllegalArgumentException("eplly.ingest.lake-path " + lakePath + " has no scheme");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("eplly.ingest.lake-path " + lakePath + " is not a URI: " + e.getMessage(), e);
    }
  }
}
