package com.eplly.api.events;

import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.PayloadTooLargeException;
import com.eplly.api.errors.RequestTimeoutException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads a request body into memory without ever holding more than {@code cap + 1} bytes: a
 * declared length over the cap is refused before reading, a chunked body is read until the byte
 * past the cap. The whole body must arrive within a deadline; each single read is bounded by the
 * connector's own timeout ({@code server.tomcat.connection-timeout}).
 */
final class BoundedBody {

  private static final int FIRST_BUFFER = 4096;

  private BoundedBody() {}

  /**
   * @return the body, or null when it is empty
   * @throws PayloadTooLargeException over {@code cap} bytes
   * @throws RequestTimeoutException  when it did not arrive within {@code timeout}
   */
  static byte[] read(HttpServletRequest request, int cap, Duration timeout) {
    long declared = request.getContentLengthLong();
    if (declared > cap) {
      throw tooLarge(cap);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buffer = new byte[(int) Math.min(cap + 1L, declared >= 0 ? declared + 1 : FIRST_BUFFER)];
    int length = 0;
    try {
      InputStream in = request.getInputStream();
      while (true) {
        if (length == buffer.length) {
          if (length > cap) {
            break;
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min(cap + 1L, 2L * buffer.length));
        }
        if (System.nanoTime() - deadline > 0) {
          throw new RequestTimeoutException("request body not received within " + timeout.toMillis() + " ms");
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (SocketTimeoutException e) {
      throw new RequestTimeoutException("request body stalled, closing");
    } catch (IOException e) {
      throw new BadRequestException("request body could not be read");
    }
    if (length > cap) {
      throw tooLarge(cap);
    }
    return length == 0 ? null : Arrays.copyOf(buffer, length);
  }

  private static PayloadTooLargeException tooLarge(int cap) {
    return new PayloadTooLargeException("request body exceeds " + cap + " bytes");
  }
}
