package com.eplly.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eplly.api.admin.ActivationResult;
import com.eplly.api.admin.AdminApiKey;
import com.eplly.api.admin.AdminController;
import com.eplly.api.admin.AdminPrincipal;
import com.eplly.api.admin.ModelRegistry;
import com.eplly.api.errors.ConflictException;
import com.eplly.api.recommend.ActiveVersion;
import com.eplly.api.support.WebSlice;
import com.eplly.contracts.audit.AuditEvent;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit of admin mutations as web behaviour, with the model registry replaced and the audit log
 * stubbed: one record per mutation under the key's name, refusals included; none for reads or for
 * a wrong key. Delivery to a real broker: AuditTrailTest.
 */
@WebMvcTest(AdminController.class)
@Import({WebSlice.class, AuditInterceptorTest.TuningController.class})
@TestPropertySource(properties = {"eplly.admin.api-key=old-key", "eplly.admin.keys.ci=ci-key"})
class AuditInterceptorTest {

  @Autowired MockMvc mvc;
  @Autowired AuditLog auditLog;
  @MockitoBean ModelRegistry registry;
  @MockitoBean ActiveVersion activeVersion;

  @BeforeEach
  void forget() {
    clearInvocations(auditLog);
  }

  @Test
  void aMutationIsRecordedUnderTheKeysName() throws Exception {
    when(registry.activate("v-0", "v-1")).thenReturn(new ActivationResult("v-0", "v-1"));

    mvc.perform(post("/v1/admin/models/v-0/activate?expected=v-1").header(AdminApiKey.HEADER, "ci-key"))
        .andExpect(status().isOk());

    AuditEvent event = recorded();
    assertThat(event.actor()).isEqualTo("ci");
    assertThat(event.action()).isEqualTo("model.activate");
    assertThat(event.method()).isEqualTo("POST");
    assertThat(event.path()).isEqualTo("/v1/admin/models/v-0/activate");
    assertThat(event.target()).isEqualTo("v-0");
    assertThat(event.details()).isEqualTo(Map.of("expected", "v-1"));
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.at()).isEqualTo(WebSlice.NOW.toEpochMilli());
  }

  @Test
  void aRefusedMutationIsRecordedWithItsStatus() throws Exception {
    when(registry.rollback()).thenThrow(new ConflictException("nothing to roll back to"));

    mvc.perform(post("/v1/admin/models/rollback").header(AdminApiKey.HEADER, "old-key"))
        .andExpect(status().isConflict());

    AuditEvent event = recorded();
    assertThat(event.actor()).isEqualTo("admin");
    assertThat(event.action()).isEqualTo("model.rollback");
    assertThat(event.target()).isNull();
    assertThat(event.status()).isEqualTo(409);
  }

  @Test
  void readsAndWrongKeysAreNotRecorded() throws Exception {
    mvc.perform(get("/v1/admin/models").header(AdminApiKey.HEADER, "ci-key")).andExpect(status().isOk());
    mvc.perform(post("/v1/admin/models/rollback").header(AdminApiKey.HEADER, "nope"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/v1/admin/models/rollback")).andExpect(status().isUnauthorized());

    verify(auditLog, never()).record(any());
  }

  @Test
  void aHandlerKnowsItsCallerAndMayNameTheTargetAndAddDetails() throws Exception {
    mvc.perform(post("/v1/admin/widgets/w-1/tune").header(AdminApiKey.HEADER, "ci-key"))
        .andExpect(status().isOk())
        .andExpect(content().string("tuned by ci"));

    AuditEvent event = recorded();
    assertThat(event.action()).isEqualTo("widget.tune");
    assertThat(event.target()).isEqualTo("w-1/blue");
    assertThat(event.details().get("colour")).hasSize(AuditDetails.MAX_VALUE + 3).endsWith("...");
  }

  /** A handler that uses what the key check and the audit put on the request. */
  @RestController
  static class TuningController {

    @PostMapping("/v1/admin/widgets/{id}/tune")
    String tune(@PathVariable String id, @RequestAttribute(AdminPrincipal.ATTRIBUTE) AdminPrincipal who,
        @RequestAttribute(AuditDetails.ATTRIBUTE) AuditDetails audit) {
      audit.target(id + "/blue").put("colour", "b".repeat(500));
      return "tuned by " + who.name();
    }
  }

  private AuditEvent recorded() {
    ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
    verify(auditLog).record(event.capture());
    return event.getValue();
  }
}
