package com.eplly.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns exceptions of the api's controllers into {@code {"error": ...}} answers with the right
 * status. Anything unexpected is a bug: a logged 500 with the request id and a count in
 * {@code eplly.api.errors}, never disguised as a normal answer.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final InternalErrors internalErrors;

  public ApiExceptionHandler(InternalErrors internalErrors) {
    this.internalErrors = internalErrors;
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ErrorBody> badRequest(BadRequestException e) {
    return answer(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ErrorBody> notFound(NotFoundException e) {
    return answer(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
    return answer(HttpStatus.NOT_FOUND, "no such resource: /" + e.getResourcePath());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ErrorBody> conflict(ConflictException e) {
    return answer(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(UnauthorizedException.class)
  ResponseEntity<ErrorBody> unauthorized(UnauthorizedException e) {
    return answer(HttpStatus.UNAUTHORIZED, e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ErrorBody> forbidden(ForbiddenException e) {
    return answer(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(UnavailableException.class)
  ResponseEntity<ErrorBody> unavailable(UnavailableException e) {
    // debug: while Kafka is down this fires for every refused event
    log.debug("{}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(e.retryAfter()))
        .body(new ErrorBody(e.getMessage()));
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ErrorBody> tooMany(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(e.retryAfter()))
        .body(new ErrorBody(e.getMessage()));
  }

  // Tomcat closes the connection after a 413 or 408 itself; the unread rest of the body is not
  // drained (WebServerConfig).
  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ErrorBody> tooLarge(PayloadTooLargeException e) {
    return answer(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
  }

  @ExceptionHandler(RequestTimeoutException.class)
  ResponseEntity<ErrorBody> timeout(RequestTimeoutException e) {
    return answer(HttpStatus.REQUEST_TIMEOUT, e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
    return answer(HttpStatus.BAD_REQUEST, "parameter " + e.getParameterName() + " is missing");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
    return answer(HttpStatus.BAD_REQUEST, "parameter " + e.getName() + " has an invalid value");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
    return answer(HttpStatus.BAD_REQUEST, "request body is missing or unreadable");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type " + e.getContentType() + ", send application/json");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
    return answer(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not supported here");
  }

  /** Spring's own client errors keep their status; everything else is a bug. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      String detail = known.getBody().getDetail();
      return answer(known.getStatusCode(), detail != null ? detail : known.getStatusCode().toString());
    }
    if (clientGone(e)) {
      log.debug("answer not delivered, the client closed the connection: {}", e.toString());
      return null;
    }
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(internalErrors.report(e, request));
  }

  /** A response that could no longer be written is the client's doing, not a bug. */
  private static boolean clientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<ErrorBody> answer(HttpStatusCode status, String message) {
    return ResponseEntity.status(status).body(new ErrorBody(message));
  }
}
