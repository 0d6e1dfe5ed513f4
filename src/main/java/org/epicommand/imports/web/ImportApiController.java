package org.epicommand.imports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.epicommand.imports.ImportStatus;
import org.epicommand.imports.internal.ImportJobs;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/imports}: start an import of any kind and follow it (docs/api.md, "Imports"). */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportApiController {

  private final ImportJobs jobs;

  ImportApiController(ImportJobs jobs) {
    this.jobs = jobs;
  }

  @Operation(summary = "Upload a CSV (UTF-8 or GBK) or XLSX file; ?wait=true answers when the import has ended")
  @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> start(@PathVariable String kind, @RequestParam(name = "file",
      required = false) MultipartFile file,
      @RequestParam(required = false) String charset, @RequestParam(defaultValue = "false") boolean wait,
      Authentication caller, Locale locale) throws IOException, InterruptedException {
    if (file == null || file.isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("file", "import.noFile"));
    }
    ImportJobs.Submitted submitted = jobs.submit(kind, file.getOriginalFilename(), file.getInputStream(), charset,
        caller, locale);
    if (!wait) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("importId", submitted.id().toString()));
    }
    try {
      submitted.running().get();
    } catch (ExecutionException e) {
      // the job records its own failure; its status says what happened
    }
    return ResponseEntity.ok(jobs.status(submitted.id(), caller.getName()).orElseThrow());
  }

  @GetMapping("/{importId}")
  ImportStatus status(@PathVariable UUID importId, Authentication caller) {
    return jobs.status(importId, caller.getName()).orElseThrow(() -> new RecordNotFound("import"));
  }

  @Operation(summary = "All rejected rows of an import, paged")
  @GetMapping("/{importId}/errors")
  List<ImportStatus.RowError> errors(@PathVariable UUID importId, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication caller) {
    Paging paging = Paging.of(page, size);
    return jobs.errors(importId, caller.getName(), paging.offset(), paging.size());
  }

  @Operation(summary = "All warnings of an import (rows stored, with a word for the importer), paged")
  @GetMapping("/{importId}/warnings")
  List<ImportStatus.RowWarning> warnings(@PathVariable UUID importId, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication caller) {
    Paging paging = Paging.of(page, size);
    return jobs.warnings(importId, caller.getName(), paging.offset(), paging.size());
  }
}
