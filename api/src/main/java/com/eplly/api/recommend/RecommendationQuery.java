package com.eplly.api.recommend;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.BadRequestException;
import com.eplly.contracts.codec.Validation;
import com.eplly.contracts.serving.MergeRequest;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A validated recommendation request: at least one of the ids, each a valid id, and a limit.
 *
 * @param articleId the article being read, or null
 * @param readerId  the reader, or null
 * @param sessionId the browsing session, or null
 * @param limit     how many items to return
 * @param exclude   articles the caller does not want (already on the page, say)
 */
public record RecommendationQuery(
    String articleId, String readerId, String sessionId, int limit, Set<String> exclude) {

  public RecommendationQuery {
    exclude = Set.copyOf(exclude);
  }

  /** The part of this request the merge reads. */
  public MergeRequest mergeRequest() {
    return new MergeRequest(articleId, limit, exclude);
  }

  /** Validates raw query parameters; throws {@link BadRequestException} naming the first problem. */
  public static RecommendationQuery parse(
      String articleId, String readerId, String sessionId, String limit, String exclude,
      EpllyProperties.Recommend rules) {
    checkId("articleId", articleId);
    checkId("readerId", readerId);
    checkId("sessionId", sessionId);
    if (articleId == null && readerId == null && sessionId == null) {
      throw new BadRequestException("at least one of articleId, readerId, sessionId is required");
    }
    return new RecommendationQuery(
        articleId, readerId, sessionId, parseLimit(limit, rules), parseExclude(exclude, rules.maxExcluded()));
  }

  private static void checkId(String name, String value) {
    if (value != null && !Validation.isId(value)) {
      throw new BadRequestException(name + " must be 1-128 characters of [A-Za-z0-9._:-]");
    }
  }

  private static int parseLimit(String raw, EpllyProperties.Recommend rules) {
    if (raw == null) {
      return rules.defaultLimit();
    }
    String message = "limit must be an integer between 1 and " + rules.maxLimit();
    int limit;
    try {
      limit = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(message);
    }
    if (limit < 1 || limit > rules.maxLimit()) {
      throw new BadRequestException(message);
    }
    return limit;
  }

  private static Set<String> parseExclude(String raw, int max) {
    Set<String> ids = new LinkedHashSet<>();
    if (raw == null || raw.isBlank()) {
      return ids;
    }
    for (String part : raw.split(",", -1)) {
      String id = part.trim();
      if (id.isEmpty()) {
        continue;
      }
      if (!Validation.isId(id)) {
        throw new BadRequestException("exclude must be a comma-separated list of ids of [A-Za-z0-9._:-]");
      }
      ids.add(id);
    }
    if (ids.size() > max) {
      throw new BadRequestException("exclude may list at most " + max + " ids");
    }
    return ids;
  }
}
