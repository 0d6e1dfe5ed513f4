package org.epicommand.imports.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.epicommand.imports.ImportStatus;
import org.epicommand.imports.internal.ImportJobs;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload a file for import and watch it progress, with the rejected rows listed. */
@Controller
class ImportPageController implements CityZonePage {

  private final ImportJobs jobs;
  private final FormMessages forms;
  private final java.time.Clock clock;

  ImportPageController(ImportJobs jobs, FormMessages forms, java.time.Clock clock) {
    this.jobs = jobs;
    this.forms = forms;
    this.clock = clock;
  }

  /** The city's zone: start and finish times are shown in it. */
  @GetMapping("/imports")
  String list(@RequestParam(required = false) String kind, Authentication caller, Model model) {
    java.util.List<String> kinds = jobs.kindsFor(caller);
    model.addAttribute("kinds", kinds);
    model.addAttribute("columns", jobs.columnsOf(kinds));
    model.addAttribute("selectedKind", kind);
    model.addAttribute("recent", jobs.recent(caller.getName()));
    return "imports/list";
  }

  @PostMapping("/imports")
  String upload(@RequestParam String kind, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String charset, Authentication caller, Locale locale, Model model)
      throws IOException {
    if (file == null || file.isEmpty()) {
      model.addAttribute("uploadError", forms.text("error.import.noFile"));
      return list(kind, caller, model);
    }
    java.io.InputStream content = file.getInputStream();
    return forms.model(model).sentence("uploadError", "; ").letConflictsThrough().view(() -> {
      ImportJobs.Submitted submitted = jobs.submit(kind, file.getOriginalFilename(), content,
          charset == null || charset.isBlank() ? null : charset, caller, locale);
      return "redirect:/imports/" + submitted.id();
    }, () -> list(kind, caller, model));
  }

  @GetMapping("/imports/{id}")
  String detail(@PathVariable UUID id, Authentication caller, Model model) {
    model.addAttribute("job", status(id, caller));
    return "imports/detail";
  }

  /** The progress panel alone, polled by htmx while the import runs. */
  @GetMapping("/imports/{id}/progress")
  String progress(@PathVariable UUID id, Authentication caller, Model model) {
    model.addAttribute("job", status(id, caller));
    return "imports/detail :: progress";
  }

  private ImportStatus status(UUID id, Authentication caller) {
    return jobs.status(id, caller.getName()).orElseThrow(() -> new RecordNotFound("import"));
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    /** Shown to those who may import at least one kind. */
    @Bean
    NavigationItem importNavigation(java.util.List<org.epicommand.imports.ImportHandler> handlers) {
      String authorities = handlers.stream().map(org.epicommand.imports.ImportHandler::requiredAuthority).distinct()
          .sorted().collect(java.util.stream.Collectors.joining(","));
      return new NavigationItem(700, "/imports", "nav.imports", authorities, NavigationGroup.SYSTEM);
    }
  }
}
