package com.eplly.api.editorial;

import com.eplly.api.config.OpenApiConfig;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.editorial.EditorialRule;
import com.eplly.contracts.editorial.EditorialRuleJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code /v1/admin/rules}: editors block, pin and boost or bury articles, sections and tags within
 * a time window. Guarded, like every {@code /v1/admin} path, by the API key. A change applies to
 * every answer of every instance within a round trip of the write ({@link ActiveRules}).
 */
@RestController
@Tag(name = "editorial rules", description = "block, pin, boost; every call needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
@RequestMapping(value = RuleController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class RuleController {

  static final String BASE = "/v1/admin/rules";

  private final RuleStore store;
  private final EditorialRuleJson json;

  public RuleController(RuleStore store, EditorialRuleJson json) {
    this.store = store;
    this.json = json;
  }

  @Operation(summary = "Add a rule: {\"kind\":\"block\",\"article\"|\"section\"|\"tag\"}, {\"kind\":\"pin\",\"article\","
      + "\"section\"|\"tag\" (the pages it is pinned on),\"slot\"} or {\"kind\":\"boost\",\"section\"|\"tag\",\"factor\""
      + " (0.25-4; below 1 buries)}; each with \"createdBy\", \"expiresAt\" (ISO-8601; optional for a block) and an"
      + " optional \"startsAt\". 201 with the stored rule (its id and createdAt); 400 with every reason otherwise")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> add(@RequestBody(required = false) String body) {
    Decoded<EditorialRule> decoded = json.read(body);
    if (decoded instanceof Decoded.Invalid<EditorialRule> invalid) {
      throw new BadRequestException(invalid.reason());
    }
    EditorialRule proposed = ((Decoded.Valid<EditorialRule>) decoded).value();
    if (proposed.id() != null || proposed.createdAt() != null) {
      throw new BadRequestException("id and createdAt are set by the server, not in a request");
    }
    EditorialRule stored = redis(() -> store.add(proposed));
    return ResponseEntity.created(URI.create(BASE + "/" + stored.id())).body(json.write(stored));
  }

  @Operation(summary = "Every rule in force or scheduled (and ended ones not yet pruned), the newest first")
  @GetMapping
  public String list() {
    return json.write(redis(store::all));
  }

  @Operation(summary = "One rule")
  @GetMapping("/{id}")
  public String get(@PathVariable String id) {
    return json.write(redis(() -> store.get(id)));
  }

  @Operation(summary = "Delete a rule; it stops applying at once. The deleted rule")
  @DeleteMapping("/{id}")
  public String delete(@PathVariable String id) {
    return json.write(redis(() -> store.delete(id)));
  }

  private static <T> T redis(Supplier<T> work) {
    try {
      return work.get();
    } catch (JedisException e) {
      throw new UnavailableException("the rule store (Redis) is unavailable, retry later", e);
    }
  }
}
