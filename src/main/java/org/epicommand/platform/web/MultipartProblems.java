package org.epicommand.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.epicommand.platform.OutageResponses;
import org.epicommand.platform.SystemFailure;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart request that cannot even be parsed fails before any controller is chosen, so the
 * API's and the pages' own advice never see it: answered here as 400 (413 when too large), as
 * problem+json under {@code /api/} and as the error page elsewhere — unless the disk is full, which
 * is said as such (507).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartProblems {

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final OutageResponses outages;

  MultipartProblems(MessageSource messages, LocaleResolver locales, OutageResponses outages) {
    this.messages = messages;
    this.locales = locales;
    this.outages = outages;
  }

  @ExceptionHandler(MultipartException.class)
  Object unreadableUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response)
      throws java.io.IOException {
    if (SystemFailure.of(e).filter(SystemFailure.DISK_FULL::equals).isPresent()) {
      // the upload could not be written to the temporary directory: the disk is full, the file is fine
      outages.write(request, response, SystemFailure.DISK_FULL);
      return null;
    }
    HttpStatus status = e instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE
        : HttpStatus.BAD_REQUEST;
    var locale = locales.resolveLocale(request);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(status, messages.getMessage(
          status == HttpStatus.BAD_REQUEST ? "error.import.unreadableUpload" : "problem.tooLarge", null, locale));
      body.setTitle(status.getReasonPhrase());
      if (status == HttpStatus.BAD_REQUEST) {
        body.setProperty("errors", List.of(Map.of("field", "file", "code", "import.unreadableUpload",
            "message", body.getDetail())));
      }
      return ResponseEntity.status(status).body(body);
    }
    response.setStatus(status.value());
    return new ModelAndView("error", Map.of("status", status.value()));
  }
}
