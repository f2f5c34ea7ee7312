package com.eplly.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.ingest.lake.HadoopLakeStorage;
import com.eplly.ingest.lake.LakeStorage;
import com.eplly.ingest.lake.LocalLakeStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class LakeConfigTest {

  @TempDir
  Path dir;

  private static IngestProperties.Ingest ingest(String lakePath, IngestProperties.LakeStorageKind kind) {
    IngestProperties.Kafka kafka = new IngestProperties.Kafka("g", 1, 1, 10, DataSize.ofBytes(1), Duration.ofMillis(100),
        DataSize.ofMegabytes(1), Duration.ofMillis(100), Duration.ofSeconds(1));
    return new IngestProperties.Ingest(lakePath, kind, Map.of(), kafka, null, null, null, null, Duration.ofSeconds(30), false, Duration.ofSeconds(5));
  }

  @Test
  void hadoopStorageTakesAFileUriAndWritesWhereLocalStorageReads() throws Exception {
    LakeStorage hadoop = LakeConfig.storage(ingest(dir.toUri().toString(), IngestProperties.LakeStorageKind.HADOOP));
    assertThat(hadoop).isInstanceOf(HadoopLakeStorage.class);
    assertThat(hadoop.isWritable()).isTrue();
    hadoop.publish("page-views/date=2026-11-27/hour=08", "part-0-0-1.jsonl", java.util.List.of("a".getBytes(), "b".getBytes()));

    LakeStorage local = LakeConfig.storage(ingest(dir.toString(), IngestProperties.LakeStorageKind.LOCAL));
    assertThat(local).isInstanceOf(LocalLakeStorage.class);
    assertThat(local.listFiles("page-views/date=2026-11-27/hour=08")).containsExactly("part-0-0-1.jsonl");
    assertThat(hadoop.location()).startsWith("file:");
  }

  @Test
  void localStorageRejectsARemoteUriNamingTheSettingToChange() {
    assertThatThrownBy(() -> LakeConfig.storage(ingest("hdfs://namenode:8020/lake", IngestProperties.LakeStorageKind.LOCAL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eplly.ingest.lake-storage=hadoop");
  }

  @Test
  void hadoopStorageRejectsAPathEscapingTheRoot() {
    LakeStorage hadoop = LakeConfig.storage(ingest(dir.toUri().toString(), IngestProperties.LakeStorageKind.HADOOP));
    assertThatThrownBy(() -> hadoop.listFiles("../elsewhere")).isInstanceOf(IllegalArgumentException.class);
  }
}
