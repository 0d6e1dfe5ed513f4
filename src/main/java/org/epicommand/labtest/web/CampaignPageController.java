package org.epicommand.labtest.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.labtest.AreaRisk;
import org.epicommand.labtest.Campaign;
import org.epicommand.labtest.CampaignBoard;
import org.epicommand.labtest.Campaigns;
import org.epicommand.labtest.CoverageRow;
import org.epicommand.labtest.NewCampaign;
import org.epicommand.labtest.NewRound;
import org.epicommand.labtest.UntestedLists;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign pages: the list with the form to start one, and the board — coverage per level with
 * drill-down and the not-tested list, hourly progress, site load, lab turnaround, suggested pool size.
 */
@Controller
@RequestMapping("/labtest/campaigns")
@PreAuthorize("hasAuthority('TEST_READ')")
class CampaignPageController {

  /** The form's fields as typed, echoed back when there are errors. */
  record CampaignForm(String name, String scopeCodes, String startsAt, String endsAt, String riskLevel,
      Boolean drill) {}

  /** One coverage line: the unit, its figures and the level to drill down to (null at the bottom). */
  record CoverageLine(String code, String name, long residents, long tested, long untested, double percent,
      JurisdictionLevel next) {}

  static final List<JurisdictionLevel> LEVELS = List.of(JurisdictionLevel.COUNTY, JurisdictionLevel.TOWNSHIP,
      JurisdictionLevel.VILLAGE);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00");

  private final Campaigns campaigns;
  private final CampaignBoard board;
  private final UntestedLists untested;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  private final org.epicommand.labtest.CampaignPlans plans;
  private final org.epicommand.labtest.CampaignDrills drills;

  CampaignPageController(Campaigns campaigns, CampaignBoard board, UntestedLists untested, Jurisdictions jurisdictions,
      CurrentUser currentUser, FormMessages forms, Clock clock, org.epicommand.labtest.CampaignPlans plans,
      org.epicommand.labtest.CampaignDrills drills) {
    this.plans = plans;
    this.drills = drills;
    this.campaigns = campaigns;
    this.board = board;
    this.untested = untested;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(Model model) {
    UserContext user = currentUser.get();
    LocalDateTime today = LocalDateTime.now(clock).withHour(0).withMinute(0).withSecond(0).withNano(0);
    model.addAttribute("form", new CampaignForm("", user.jurisdictionCode(), today.toString(),
        today.plusDays(2).toString(), "", false));
    return list(model, user);
  }

  private String list(Model model, UserContext user) {
    model.addAttribute("campaigns", campaigns.list());
    model.addAttribute("canCreate", user.has(Permission.CAMPAIGN_WRITE));
    model.addAttribute("riskLevels", AreaRisk.values());
    model.addAttribute("zone", clock.getZone());
    return "labtest/campaigns";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('CAMPAIGN_WRITE')")
  String create(CampaignForm form, Model model) {
    UserContext user = currentUser.get();
    PageStep refusals = forms.model(model).letConflictsThrough()
        .on(AccessDeniedException.class, "scopeCodes", "error.labtest.scopeOutside")
        .on(IllegalArgumentException.class, "riskLevel", "error.labtest.riskLevel");
    return refusals.view(() -> {
      List<String> codes = form.scopeCodes() == null ? List.of()
          : Arrays.stream(form.scopeCodes().split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
      AreaRisk risk = form.riskLevel() == null || form.riskLevel().isBlank() ? null
          : AreaRisk.valueOf(form.riskLevel());
      Campaign campaign = campaigns.create(new NewCampaign(form.name(), codes, instant(form.startsAt(), "startsAt"),
          instant(form.endsAt(), "endsAt"), risk, form.drill()));
      return "redirect:/labtest/campaigns/" + campaign.id();
    }, () -> {
      model.addAttribute("form", form);
      return list(model, user);
    });
  }

  private OffsetDateTime instant(String local, String field) {
    if (local == null || local.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(local.strip()).atZone(clock.getZone()).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new ValidationFailure(FieldProblem.of(field, "labtest.instant"));
    }
  }

  @GetMapping("/{id}")
  String board(@PathVariable UUID id, @RequestParam(required = false) String level,
      @RequestParam(required = false) String within, @RequestParam(required = false) Integer round,
      @RequestParam(required = false) String riskLevel, Model model) {
    Campaign campaign = campaigns.get(id);
    if (round != null && campaign.rounds().stream().noneMatch(r -> r.number() == round)) {
      throw new RecordNotFound("round");
    }
    UserContext user = currentUser.get();
    JurisdictionLevel unitLevel = level(level, campaign);
    JurisdictionScope area = within == null || within.isBlank() ? user.scope()
        : jurisdictions.narrow(user.scope(), within);
    Map<String, Jurisdiction> units = new HashMap<>();
    jurisdictions.descendantsAt(area, unitLevel).forEach(j -> units.put(j.code(), j));
    int next = LEVELS.indexOf(unitLevel) + 1;
    List<CoverageLine> lines = new ArrayList<>();
    long residents = 0;
    long tested = 0;
    for (CoverageRow row : campaigns.coverage(id, unitLevel.name())) {
      Jurisdiction unit = units.get(row.jurisdictionCode());
      if (unit == null) {
        continue;
      }
      residents += row.residents();
      tested += row.tested();
      lines.add(new CoverageLine(row.jurisdictionCode(), unit.name(), row.residents(), row.tested(), row.untested(),
          percent(row.tested(), row.residents()), next < LEVELS.size() ? LEVELS.get(next) : null));
    }
    model.addAttribute("campaign", campaign);
    model.addAttribute("levels", LEVELS);
    model.addAttribute("level", unitLevel);
    model.addAttribute("within", within == null || within.isBlank() ? null : jurisdictions.find(within.strip())
        .orElse(null));
    model.addAttribute("round", round);
    model.addAttribute("lines", lines);
    model.addAttribute("residents", residents);
    model.addAttribute("tested", tested);
    model.addAttribute("untested", Math.max(0, residents - tested));
    model.addAttribute("percent", percent(tested, residents));
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("canWrite", user.has(Permission.CAMPAIGN_WRITE));
    model.addAttribute("canOpenSites", user.has(Permission.CAMPAIGN_WRITE) || user.has(Permission.LAB_SAMPLE_WRITE));
    model.addAttribute("readiness", drills.readiness(id));
    if (!campaign.rounds().isEmpty()) {
      java.time.Instant lastEnd = campaign.rounds().get(campaign.rounds().size() - 1).endsAt();
      LocalDateTime nextStart = LocalDateTime.ofInstant(lastEnd, clock.getZone());
      model.addAttribute("nextStart", nextStart.toString());
      model.addAttribute("nextEnd", nextStart.plusDays(1).toString());
    }
    charts(id, round, model);
    poolSize(id, riskLevel, model);
    return "labtest/board";
  }

  private JurisdictionLevel level(String level, Campaign campaign) {
    if (level != null && !level.isBlank()) {
      try {
        return JurisdictionLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new RecordNotFound("level");
      }
    }
    // the level of the campaign's widest scope (districts at least, communities at most): drill down from there
    int widest = campaign.scopeCodes().stream().map(jurisdictions::find).flatMap(java.util.Optional::stream)
        .mapToInt(j -> j.level().number()).min().orElse(JurisdictionLevel.VILLAGE.number());
    return JurisdictionLevel.ofNumber(Math.min(JurisdictionLevel.VILLAGE.number(),
        Math.max(JurisdictionLevel.COUNTY.number(), widest)));
  }

  private void charts(UUID id, Integer round, Model model) {
    model.addAttribute("plan", plans.plan(id, null, null, null, null, null, null));
    List<CampaignBoard.Hour> hours = board.progress(id, round);
    List<CampaignBoard.SiteLoad> sites = board.sites(id, round);
    List<CampaignBoard.LabTurnaround> labs = board.turnaround(id, round);
    model.addAttribute("alertHours", board.turnaroundAlertHours());
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("hours", hours.stream().map(h -> HOUR.format(h.hour().atZone(clock.getZone()))).toList());
    progress.put("tubes", hours.stream().map(CampaignBoard.Hour::tubes).toList());
    progress.put("persons", hours.stream().map(CampaignBoard.Hour::persons).toList());
    progress.put("results", hours.stream().map(CampaignBoard.Hour::results).toList());
    Map<String, Object> load = new LinkedHashMap<>();
    load.put("sites", sites.stream().map(CampaignBoard.SiteLoad::siteName).toList());
    load.put("persons", sites.stream().map(CampaignBoard.SiteLoad::persons).toList());
    load.put("peak", sites.stream().map(CampaignBoard.SiteLoad::peakPersons).toList());
    Map<String, Object> turnaround = new LinkedHashMap<>();
    turnaround.put("labs", labs.stream().map(CampaignBoard.LabTurnaround::labName).toList());
    turnaround.put("p50", labs.stream().map(l -> hoursOf(l.turnaround().p50())).toList());
    turnaround.put("p90", labs.stream().map(l -> hoursOf(l.turnaround().p90())).toList());
    turnaround.put("p99", labs.stream().map(l -> hoursOf(l.turnaround().p99())).toList());
    model.addAttribute("hours", hours);
    model.addAttribute("sites", sites);
    model.addAttribute("labs", labs);
    model.addAttribute("sampledPersons", hours.stream().mapToLong(CampaignBoard.Hour::persons).sum());
    model.addAttribute("sampledTubes", hours.stream().mapToLong(CampaignBoard.Hour::tubes).sum());
    model.addAttribute("resultsReported", hours.stream().mapToLong(CampaignBoard.Hour::results).sum());
    model.addAttribute("progressJson", JSON.writeValueAsString(progress));
    model.addAttribute("loadJson", JSON.writeValueAsString(load));
    model.addAttribute("turnaroundJson", JSON.writeValueAsString(turnaround));
  }

  private void poolSize(UUID id, String riskLevel, Model model) {
    model.addAttribute("riskLevels", AreaRisk.values());
    try {
      model.addAttribute("pool", board.poolSize(id, riskLevel));
    } catch (ValidationFailure e) {
      model.addAttribute("pool", null);
    }
  }

  /** The not-tested list of one jurisdiction of the campaign's scope (default: the caller's), paged, for the phone. */
  @GetMapping("/{id}/untested")
  String untested(@PathVariable UUID id, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("campaign", campaigns.get(id));
    model.addAttribute("jurisdiction", jurisdiction == null || jurisdiction.isBlank() ? null
        : jurisdictions.find(jurisdiction.strip()).orElse(null));
    FormMessages.pager(model, untested.page(id, jurisdiction, Paging.of(page, 50)));
    return "labtest/untested";
  }

  /** Adds the next round from the board's form; errors show on the board. */
  @PostMapping("/{id}/rounds")
  @PreAuthorize("hasAuthority('CAMPAIGN_WRITE')")
  String addRound(@PathVariable UUID id, @RequestParam(required = false) String startsAt,
      @RequestParam(required = false) String endsAt, RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).errorsAs("roundErrors").letConflictsThrough()
        .on(AccessDeniedException.class, "startsAt", "error.labtest.scopeOutside");
    return refusals.redirect("/labtest/campaigns/" + id, () -> {
      Campaign campaign = campaigns.addRound(id, new NewRound(instant(startsAt, "startsAt"), instant(endsAt,
          "endsAt")));
      redirect.addFlashAttribute("roundAdded", campaign.rounds().size());
    });
  }

  /** The not-tested list of one jurisdiction of the campaign's scope as CSV (audited as an export). */
  @GetMapping("/{id}/untested.csv")
  ResponseEntity<StreamingResponseBody> untestedCsv(@PathVariable UUID id,
      @RequestParam(required = false) String jurisdiction) {
    java.util.function.Consumer<java.io.OutputStream> export = untested.export(id, jurisdiction,
        LabtestApiController.UNTESTED_HEADER);
    StreamingResponseBody body = export::accept;
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"untested.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }

  static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
  }

  private static double hoursOf(double minutes) {
    return Math.round(minutes / 6.0) / 10.0;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem campaignNavigation() {
      return new NavigationItem(400, "/labtest/campaigns", "nav.labtest.campaigns", "TEST_READ",
          NavigationGroup.LABTEST);
    }

    @Bean
    NavigationItem retestNavigation() {
      return new NavigationItem(410, "/labtest/retests", "nav.labtest.retests", "TEST_READ", NavigationGroup.LABTEST);
    }

    @Bean
    NavigationItem labUploadNavigation() {
      return new NavigationItem(420, "/labtest/upload", "nav.labtest.upload", "LAB_RESULT_WRITE",
          NavigationGroup.LABTEST);
    }
  }
}
