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
import org.springframework.ui.Model;
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

  @ExceptionHandler(RecordNotFound.class)
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("status", 404);
    return "error";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("status", 400);
    return "error";
  }
}
