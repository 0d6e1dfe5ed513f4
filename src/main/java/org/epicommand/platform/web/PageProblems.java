package org.epicommand.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages answer a missing (or out-of-scope) record with the friendly 404 page, bad parameters with 400. */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

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
