package com.eplly.ingest.lake;

import com.eplly.contracts.lake.LakeLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Names of the lake's temporary files (all start with {@link LakeLayout#TEMP_PREFIX}, so readers skip them). */
final class TemporaryFiles {

  /** Content of a health probe file. */
  static final byte[] PROBE_CONTENT = "eplly ingest write probe\n".getBytes(StandardCharsets.UTF_8);

  /** A probe file this old was left by a process that died mid-probe. */
  static final Duration ABANDONED_PROBE_AGE = Duration.ofHours(1);

  private static final String PROBE = LakeLayout.TEMP_PREFIX + "probe-";

  private TemporaryFiles() {}

  /** Whether {@code name} is the temporary file of a lake file of Kafka partition {@code partition}. */
  static boolean ofPartition(String name, int partition) {
    return name.startsWith(LakeLayout.TEMP_PREFIX)
        && LakeLayout.parseFileName(name.substring(LakeLayout.TEMP_PREFIX.length()))
            .map(range -> range.partition() == partition).orElse(false);
  }

  /** The health probe's file name for one storage instance. */
  static String probeName(String id) {
    return PROBE + id;
  }

  static boolean isProbe(String name) {
    return name.startsWith(PROBE);
  }
}
