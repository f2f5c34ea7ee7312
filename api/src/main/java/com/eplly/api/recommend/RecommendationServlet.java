package com.eplly.api.recommend;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.ErrorBody;
import com.eplly.api.errors.InternalErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/recommendations}: the "You Might Like" list for an article, reader or session.
 * A servlet of its own rather than a Spring MVC controller, because it is the api's hottest path
 * and MVC's per-request handler lookup, reflective call, argument and return-value resolution and
 * content negotiation cost about as much CPU as the answer itself. What MVC gave it is kept: the
 * filters (request id, logging context) still run, CORS is Spring's own processor, errors have the
 * same {@code {"error": ...}} bodies, and the OpenAPI description comes from
 * {@link RecommendationEndpoint}.
 */
public class RecommendationServlet extends HttpServlet {

  public static final String PATH = "/v1/recommendations";

  private final transient RecommendationService service;
  private final transient ServedEventPublisher served;
  private final transient EpllyProperties.Recommend rules;
  private final transient InternalErrors internalErrors;
  private final transient JsonMapper errorJson;
  private final transient CorsConfiguration cors;
  private final transient CorsProcessor corsProcessor = new DefaultCorsProcessor();
  private final transient RecommendationJson json = new RecommendationJson();

  public RecommendationServlet(RecommendationService service, ServedEventPublisher served,
      EpllyProperties properties, InternalErrors internalErrors, JsonMapper errorJson) {
    this.service = service;
    this.served = served;
    this.rules = properties.recommend();
    this.internalErrors = internalErrors;
    this.errorJson = errorJson;
    this.cors = readersCors(properties.widget().readOrigins());
  }

  /** Pages of the portal's sites (any origin by default) may read; nothing else is allowed. */
  private static CorsConfiguration readersCors(List<String> origins) {
    CorsConfiguration config = new CorsConfiguration().applyPermitDefaultValues();
    config.setAllowedOrigins(origins);
    config.setAllowedMethods(List.of("GET"));
    return config;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      if (!corsProcessor.processRequest(cors, request, response) || CorsUtils.isPreFlightRequest(request)) {
        return;  // the processor answered: 403 for a refused origin, or the preflight's headers
      }
      String method = request.getMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
        error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
            new ErrorBody("method " + method + " is not supported here"));
        return;
      }
      answer(request, response);
    } catch (BadRequestException e) {
      error(response, HttpServletResponse.SC_BAD_REQUEST, new ErrorBody(e.getMessage()));
    } catch (RuntimeException e) {
      error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, internalErrors.report(e, request));
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    RecommendationQuery query = RecommendationQuery.parse(
        request.getParameter("articleId"), request.getParameter("readerId"), request.getParameter("sessionId"),
        request.getParameter("limit"), request.getParameter("exclude"), rules);
    RecommendationResponse answer = service.recommend(query);
    served.publish(query, answer);
    ByteArrayOutputStream body = json.encode(answer);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    // Personal and fast-changing: no shared cache may keep it.
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentLength(body.size());
    if ("GET".equals(request.getMethod())) {
      body.writeTo(response.getOutputStream());
    }
  }

  private void error(HttpServletResponse response, int status, ErrorBody body) throws IOException {
    if (response.isCommitted()) {
      return;  // the answer was on its way when the client went: nothing left to tell it
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    errorJson.writeValue(response.getOutputStream(), body);
  }
}
