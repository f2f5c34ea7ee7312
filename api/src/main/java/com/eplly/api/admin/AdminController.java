package com.eplly.api.admin;

import com.eplly.api.config.OpenApiConfig;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.api.recommend.ActiveVersion;
import com.eplly.contracts.codec.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/admin/models}: list published model versions, activate one, roll back. Guarded by
 * {@link AdminApiKey}.
 */
@RestController
@Tag(name = "admin", description = "Model versions; every call needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
@RequestMapping(AdminController.BASE)
public class AdminController {

  static final String BASE = "/v1/admin/models";

  private final ModelRegistry registry;
  private final ActiveVersion activeVersion;

  public AdminController(ModelRegistry registry, ActiveVersion activeVersion) {
    this.registry = registry;
    this.activeVersion = activeVersion;
  }

  @Operation(summary = "Published model versions, newest first, with their meta; the active one marked")
  @GetMapping
  public ModelVersions list() {
    return redis(registry::list);
  }

  @Operation(summary = "Serve a published version whose keys have not expired (and extend them to their"
      + " publish TTL); with ?expected=V only if V is still the active version, else 409")
  @PostMapping("/{version}/activate")
  public ActivationResult activate(@PathVariable String version,
      @Parameter(description = "the version the caller saw active; the switch fails with 409 if another is active by now")
      @RequestParam(required = false) String expected) {
    if (!Validation.isId(version)) {
      throw new BadRequestException("version must be 1-128 characters of [A-Za-z0-9._:-]");
    }
    if (expected != null && !Validation.isId(expected)) {
      throw new BadRequestException("expected must be a version: 1-128 characters of [A-Za-z0-9._:-]");
    }
    return switched(() -> registry.activate(version, expected));
  }

  @Operation(summary = "Serve the version published before the active one (the newest still available);"
      + " 409 if the active version changes meanwhile or that version is about to expire")
  @PostMapping("/rollback")
  public ActivationResult rollback() {
    return switched(registry::rollback);
  }

  /** This instance serves the new version at once; the others pick it up on their next refresh. */
  private ActivationResult switched(Supplier<ActivationResult> change) {
    ActivationResult result = redis(change);
    activeVersion.refresh();
    return result;
  }

  private static <T> T redis(Supplier<T> work) {
    try {
      return work.get();
    } catch (redis.clients.jedis.exceptions.JedisException e) {
      throw new UnavailableException("the model registry (Redis) is unavailable, retry later", e);
    }
  }
}
