package com.eplly.api.recommend;

import com.eplly.api.config.EpllyProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/recommendations}: the "You Might Like" list for an article, reader or session. */
@RestController
@Tag(name = "recommendations")
public class RecommendationController {

  static final String PATH = "/v1/recommendations";

  private final RecommendationService service;
  private final ServedEventPublisher served;
  private final EpllyProperties.Recommend rules;

  public RecommendationController(
      RecommendationService service, ServedEventPublisher served, EpllyProperties properties) {
    this.service = service;
    this.served = served;
    this.rules = properties.recommend();
  }

  @Operation(summary = "\"You Might Like\" list for an article, reader or session (at least one id)",
      description = "Never lists the current article, the reader's or session's recent reads, hidden or "
          + "expired articles or the excluded ids; degraded=true when served from the last-known snapshot. "
          + "requestId identifies the answer: the widget's viewable impression and clicks carry it.")
  // produces: the answer's type is known up front, so no converter is asked what it can write
  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<RecommendationResponse> recommendations(
      @RequestParam(required = false) String articleId,
      @RequestParam(required = false) String readerId,
      @RequestParam(required = false) String sessionId,
      @Parameter(description = "items wanted, 1..max-limit") @RequestParam(required = false) String limit,
      @Parameter(description = "comma-separated article ids never to list")
      @RequestParam(required = false) String exclude) {
    RecommendationQuery query =
        RecommendationQuery.parse(articleId, readerId, sessionId, limit, exclude, rules);
    RecommendationResponse answer = service.recommend(query);
    served.publish(query, answer);
    // Personal and fast-changing: no shared cache may keep it.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
  }
}
