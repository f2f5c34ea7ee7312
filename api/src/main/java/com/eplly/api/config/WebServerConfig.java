package com.eplly.api.config;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat settings Boot has no property for. The size and time limits themselves are
 * {@code server.tomcat.*} properties in application.yml.
 */
@Configuration(proxyBeanMethods = false)
public class WebServerConfig {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedBodiesAreNotDrained() {
    return factory -> {
      factory.addContextValves(new DropUnreadBodyOnError());
      // "100 Continue" only once the body is read: a client that asked first is told 413 (or 403,
      // 429) before it sends a byte of a body that would be refused
      factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    };
  }

  /**
   * After an error answer (413, 403, 429, 503...) to a request whose body was not read, closes
   * the connection instead of letting Tomcat drain the rest: draining waits on the client, so a
   * refused client that stalls would keep a request thread for up to the connection timeout, and
   * refusals must cost nothing.
   */
  static final class DropUnreadBodyOnError extends ValveBase {

    /** Statuses after which Tomcat itself answers "Connection: close". */
    private static final java.util.Set<Integer> CLOSING_STATUSES = java.util.Set.of(400, 408, 411, 413, 414, 500, 501, 503);

    DropUnreadBodyOnError() {
      super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
      getNext().invoke(request, response);
      if (response.getStatus() < 400) {
        return;
      }
      AtomicBoolean fullyRead = new AtomicBoolean(true);
      request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
      if (fullyRead.get()) {
        return;
      }
      // The client must be told the connection ends, or it would send its next request on it.
      boolean told = CLOSING_STATUSES.contains(response.getStatus())
          || "close".equalsIgnoreCase(response.getHeader("Connection"));
      if (!response.isCommitted()) {
        response.setHeader("Connection", "close");
        told = true;
      }
      if (told) {
        response.finishResponse();
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
      }
    }
  }
}
