package com.eplly.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

  private final Path root = Path.of("/repo");

  @Test
  void defaultsAreTheLocalPorts() {
    StackOptions o = StackOptions.parse(List.of(), root);
    assertEquals(9092, o.kafkaPort());
    assertEquals(9093, o.controllerPort());
    assertEquals(6379, o.redisPort());
    assertEquals(8080, o.apiPort());
    assertEquals(8081, o.ingestPort());
    assertEquals(root.resolve("var").toAbsolutePath(), o.dataDir());
    assertEquals(o.dataDir().resolve("lake"), o.lake());
    assertNull(o.pageViews());
    assertFalse(o.fresh());
  }

  @Test
  void readsEveryOption() {
    StackOptions o = StackOptions.parse(List.of("--fresh", "--data", "tmp/x", "--kafka-port", "19092",
        "--controller-port", "19093", "--redis-port", "16379", "--api-port", "18080", "--ingest-port", "18081",
        "--page-views", "500"), root);
    assertTrue(o.fresh());
    assertEquals(root.resolve("tmp/x").toAbsolutePath(), o.dataDir());
    assertEquals(19092, o.kafkaPort());
    assertEquals(19093, o.controllerPort());
    assertEquals(16379, o.redisPort());
    assertEquals(18080, o.apiPort());
    assertEquals(18081, o.ingestPort());
    assertEquals(500, o.pageViews());
  }

  @Test
  void rejectsBadInputWithAMessageNamingTheOption() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> StackOptions.parse(List.of("--api-port", "x"), root))
        .getMessage().contains("--api-port"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> StackOptions.parse(List.of("--redis-port", "70000"), root))
        .getMessage().contains("1..65535"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> StackOptions.parse(List.of("--data"), root))
        .getMessage().contains("needs a value"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> StackOptions.parse(List.of("--bogus"), root))
        .getMessage().contains("unknown option --bogus"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> StackOptions.parse(List.of("--api-port", "9092"), root))
        .getMessage().contains("ports must differ"));
  }
}
