package org.epicommand.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.epicommand.platform.DatabaseAvailability;
import org.epicommand.platform.OutageResponses;
import org.epicommand.platform.SystemFailure;
import org.epicommand.shared.RecordNotFound;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages answer a missing (or out-of-scope) record with the friendly 404 page, bad parameters with
 * 400, a full disk or a lost database with the page that says so (507/503).
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

  private final OutageResponses outages;
  private final DatabaseAvailability availability;

  PageProblems(OutageResponses outages, DatabaseAvailability availability) {
    this.outages = outages;
    this.availability = availability;
  }

  @ExceptionHandler({DataAccessException.class, UncheckedIOException.class, IOException.class, SQLException.class})
  void systemFailure(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    SystemFailure failure = SystemFailure.of(e).orElse(null);
    if (failure == null) {
      throw e;
    }
    availability.reportFailure(e);
    outages.write(request, response, failure);
  }

  /** Through the error dispatch, so that the page comes inside the layout (menu, sign-out) like every error page. */
  @ExceptionHandler(RecordNotFound.class)
  void notFound(HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  void badParameter(HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }
}
