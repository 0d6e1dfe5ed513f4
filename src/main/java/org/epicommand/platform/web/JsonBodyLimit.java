package org.epicommand.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Bounds JSON request bodies of {@code /api/**} ({@code epicommand.api.max-json-bytes}, 4 MB by default): a
 * declared larger body is answered 413 problem+json before it is read; a body without a declared length is cut
 * off at the limit while it is read (413 as well, through the API's problem answers). FHIR has its own limit
 * and answer; file uploads have the multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class JsonBodyLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final MessageSource messages;

  JsonBodyLimit(@Value("${epicommand.api.max-json-bytes:4194304}") long maxBytes, MessageSource messages) {
    this.maxBytes = maxBytes;
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String type = request.getContentType();
    return !path.startsWith("/api/") || path.startsWith("/api/v1/fhir") || path.contains("/fhir/")
        || path.endsWith("/fhir") || type == null
        || !type.toLowerCase(Locale.ROOT).contains("json");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      Locale locale = request.getLocale() == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
      String detail = messages.getMessage("problem.bodyTooLarge", new Object[] {maxBytes / 1024},
          "Request body too large", locale);
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType("application/problem+json;charset=UTF-8");
      String body = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\""
          + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"instance\":\""
          + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Bounded(request, maxBytes), response);
  }

  /** The request with an input stream that refuses to read past the limit. */
  private static final class Bounded extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream inner = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = inner.read();
            count(b < 0 ? 0 : 1);
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = inner.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
          }

          private void count(int n) {
            read += n;
            if (read > maxBytes) {
              throw new MaxUploadSizeExceededException(maxBytes);
            }
          }

          @Override
          public boolean isFinished() {
            return inner.isFinished();
          }

          @Override
          public boolean isReady() {
            return inner.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            inner.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
