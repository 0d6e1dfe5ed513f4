package org.epicommand.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every API error as RFC 9457 problem+json (docs/api.md, "Errors"): validation as 400 with field errors,
 * 404 for what does not exist or lies outside the caller's jurisdiction, 409 for conflicts, never a
 * 500 for bad input. Messages follow the request's language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
  private final MessageSource messages;
  private final OutageResponses outages;
  private final DatabaseAvailability availability;

  ApiProblems(MessageSource messages, OutageResponses outages, DatabaseAvailability availability) {
    this.messages = messages;
    this.outages = outages;
    this.availability = availability;
  }

  @ExceptionHandler(ValidationFailure.class)
  ResponseEntity<Object> validation(ValidationFailure failure) {
    List<Map<String, Object>> errors = failure.problems().stream().map(this::error).toList();
    return badRequest(errors);
  }

  @ExceptionHandler(RecordNotFound.class)
  ResponseEntity<Object> notFound(RecordNotFound e) {
    return problem(HttpStatus.NOT_FOUND, text("problem.notFound"));
  }

  @ExceptionHandler(Conflict.class)
  ResponseEntity<Object> conflict(Conflict conflict) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        conflict.args().length > 0 ? text("error." + conflict.code(), conflict.args())
            : text("error." + conflict.code(), conflict.currentState()));
    body.setTitle(text("problem.conflict"));
    if (conflict.existingId() != null) {
      body.setProperty("existingId", conflict.existingId());
    }
    if (conflict.currentState() != null) {
      body.setProperty("currentState", conflict.currentState());
    }
    if (!conflict.missing().isEmpty()) {
      body.setProperty("missing", conflict.missing().stream().map(this::error).toList());
    }
    conflict.properties().forEach(body::setProperty);
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(EvidenceFiles.Refused.class)
  ResponseEntity<Object> refusedFile(EvidenceFiles.Refused e) {
    return problem(e.status(), text("error." + e.code(), e.args()));
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
  ResponseEntity<Object> forbidden(RuntimeException e) {
    // a refusal that names its rule (e.g. the separation of duties) says which
    return problem(HttpStatus.FORBIDDEN, e instanceof org.springframework.context.MessageSourceResolvable rule
        ? messages.getMessage(rule, locale()) : text("problem.forbidden"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(List.of(error(FieldProblem.of(e.getName(), "invalidValue"))));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    java.util.Optional<SystemFailure> system = SystemFailure.of(e);
    if (system.isPresent()) {
      return systemFailure(system.get(), e);
    }
    log.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.internal"));
  }

  /** A full disk or a lost database: said as such (507/503), never as an internal error. */
  private ResponseEntity<Object> systemFailure(SystemFailure failure, Exception e) {
    availability.reportFailure(e);
    log.warn("Request failed on the system: {} ({})", failure, e.getMessage());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(OutageResponses.status(failure));
    if (OutageResponses.retryAfter(failure) != null) {
      response.header(HttpHeaders.RETRY_AFTER, OutageResponses.retryAfter(failure));
    }
    return response.body(outages.problem(failure, locale()));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return badRequest(fieldErrors(ex.getBindingResult()));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
        errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
            "code", String.valueOf(error.getCodes() == null ? "invalid"
                : error.getCodes()[error.getCodes().length - 1]),
            "message", messages.getMessage(error, locale())))));
    return badRequest(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = "body";
    if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      databind.getPath().forEach(reference -> {
        if (reference.getPropertyName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      });
      field = path.isEmpty() ? field : path.toString();
    }
    return badRequest(List.of(error(FieldProblem.of(field, "body".equals(field) ? "unreadable" : "invalidValue"))));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, text("problem.tooLarge"));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail detail && detail.getType() == null) {
      detail.setType(URI.create("about:blank"));
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  private List<Map<String, Object>> fieldErrors(BindingResult result) {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (FieldError error : result.getFieldErrors()) {
      errors.add(Map.of("field", error.getField(), "code", String.valueOf(error.getCode()),
          "message", messages.getMessage(error, locale())));
    }
    result.getGlobalErrors().forEach(error -> errors.add(Map.of("field", error.getObjectName(),
        "code", String.valueOf(error.getCode()), "message", messages.getMessage(error, locale()))));
    return errors;
  }

  private Map<String, Object> error(FieldProblem problem) {
    return Map.of("field", problem.field(), "code", problem.code(),
        "message", text("error." + problem.code(), problem.args().toArray()));
  }

  private ResponseEntity<Object> badRequest(List<Map<String, Object>> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.validation.detail"));
    body.setTitle(text("problem.validation"));
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(body);
  }

  private ResponseEntity<Object> problem(HttpStatus status, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(status.getReasonPhrase());
    return ResponseEntity.status(status).body(body);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
