package com.eplly.contracts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.codec.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventJsonTest {

  private final AuditEventJson json = new AuditEventJson();

  @Test
  void writesFieldsInTheirOrderAndReadsThemBack() {
    AuditEvent event = new AuditEvent("e-1", 1_765_000_000_000L, "ci", "model.activate", "POST",
        "/v1/admin/models/v-2/activate", "v-2", Map.of("expected", "v-1"), 200, "req-1");

    String text = new String(json.write(event), StandardCharsets.UTF_8);

    assertTrue(text.startsWith("{\"id\":\"e-1\",\"at\":1765000000000,\"actor\":\"ci\",\"action\":\"model.activate\""), text);
    assertEquals(Decoded.valid(event), json.read(text));
  }

  @Test
  void aMissingTargetAndDetailsAreFine() {
    Decoded<AuditEvent> read = json.read("{\"id\":\"e-2\",\"at\":1,\"actor\":\"admin\",\"action\":\"model.rollback\","
        + "\"method\":\"POST\",\"path\":\"/v1/admin/models/rollback\",\"status\":409}");

    AuditEvent e = (AuditEvent) assertInstanceOf(Decoded.Valid.class, read).value();
    assertNull(e.target());
    assertTrue(e.details().isEmpty());
    assertEquals(409, e.status());
  }

  @Test
  void refusesMissingFieldsAndUnknownOnes() {
    String reason = assertInstanceOf(Decoded.Invalid.class, json.read("{\"id\":\"e-3\",\"at\":0,\"status\":42}")).reason();
    for (String expected : new String[] {"actor is missing", "action is missing", "at must be", "status must be"}) {
      assertTrue(reason.contains(expected), reason);
    }
    assertInstanceOf(Decoded.Invalid.class, json.read("{\"id\":\"e-4\",\"who\":\"x\"}"));
    assertInstanceOf(Decoded.Invalid.class, json.read(new byte[0]));
  }
}
