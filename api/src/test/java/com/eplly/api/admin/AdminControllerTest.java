package com.eplly.api.admin;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eplly.api.recommend.ActiveVersion;
import com.eplly.api.support.WebSlice;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * {@code /v1/admin/models} as web behaviour, with the registry replaced: the API key (401, and 403
 * while no key is configured), invalid version names, and Redis failures as 503. What the
 * registry does in Redis: AdminEndpointsTest, ModelLifecycleTest.
 */
@WebMvcTest(AdminController.class)
@Import(WebSlice.class)
@TestPropertySource(properties = "eplly.admin.api-key=" + AdminControllerTest.KEY)
class AdminControllerTest {

  static final String KEY = "slice-admin-key";

  @Autowired MockMvc mvc;
  @MockitoBean ModelRegistry registry;
  @MockitoBean ActiveVersion activeVersion;

  @Test
  void refusesAMissingOrWrongKey() throws Exception {
    mvc.perform(get("/v1/admin/models"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value(containsString("X-Api-Key")));
    mvc.perform(get("/v1/admin/models").header(AdminApiKey.HEADER, "wrong-key"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/v1/admin/models/v-1/activate").header(AdminApiKey.HEADER, "nope"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/v1/admin/models/rollback"))
        .andExpect(status().isUnauthorized());
    verifyNoInteractions(registry, activeVersion);
  }

  @Test
  void activatesWithTheKeyAndServesTheNewVersionAtOnce() throws Exception {
    when(registry.activate("v-0", null)).thenReturn(new ActivationResult("v-0", "v-1"));

    mvc.perform(post("/v1/admin/models/v-0/activate").header(AdminApiKey.HEADER, KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value("v-0"))
        .andExpect(jsonPath("$.previous").value("v-1"));
    verify(activeVersion).refresh();
  }

  @Test
  void refusesInvalidVersionNamesBeforeTouchingTheRegistry() throws Exception {
    mvc.perform(post("/v1/admin/models/bad%20name/activate").header(AdminApiKey.HEADER, KEY))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("version")));
    mvc.perform(post("/v1/admin/models/v-0/activate?expected=bad%20name").header(AdminApiKey.HEADER, KEY))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("expected")));
    verifyNoInteractions(registry);
  }

  @Test
  void aRedisFailureIsA503() throws Exception {
    when(registry.list()).thenThrow(new JedisConnectionException("connection refused"));

    mvc.perform(get("/v1/admin/models").header(AdminApiKey.HEADER, KEY))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.error").value(containsString("unavailable")));
  }

  /** No key configured: the endpoints are off, not open. */
  @Nested
  @TestPropertySource(properties = "eplly.admin.api-key=")
  class WithoutAKey {

    @Test
    void everyCallIsForbidden() throws Exception {
      mvc.perform(get("/v1/admin/models").header(AdminApiKey.HEADER, ""))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.error").value(containsString("eplly.admin.api-key")));
      mvc.perform(post("/v1/admin/models/rollback").header(AdminApiKey.HEADER, KEY))
          .andExpect(status().isForbidden());
      verifyNoInteractions(registry);
    }
  }
}
