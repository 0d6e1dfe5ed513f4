package org.epicommand.keygroup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.keygroup.DivisionCompliance;
import org.epicommand.keygroup.KeyGroup;
import org.epicommand.keygroup.KeyGroupMembers;
import org.epicommand.keygroup.KeyGroups;
import org.epicommand.keygroup.Member;
import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.keygroup.MemberState;
import org.epicommand.keygroup.NewKeyGroup;
import org.epicommand.keygroup.NewMember;
import org.epicommand.keygroup.NewSchedule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/key-groups}: key groups and their schedule editions, rosters, the due and overdue list (JSON or
 * CSV) and the organisations' compliance.
 */
@RestController
@RequestMapping("/api/v1/key-groups")
@Tag(name = "Key groups")
class KeyGroupApiController {

  static final String READ = "hasAuthority('KEYGROUP_READ')";
  static final String MANAGE = "hasAuthority('KEYGROUP_MANAGE')";
  static final String ROSTER = "hasAuthority('KEYGROUP_ROSTER')";
  static final List<String> OVERDUE_HEADER = List.of("group", "name", "organisation", "post", "state", "nextDue",
      "lastSampledAt");

  private final KeyGroups groups;
  private final KeyGroupMembers members;
  private final MemberSchedules schedules;
  private final DivisionCompliance divisions;

  KeyGroupApiController(KeyGroups groups, KeyGroupMembers members, MemberSchedules schedules,
      DivisionCompliance divisions) {
    this.divisions = divisions;
    this.groups = groups;
    this.members = members;
    this.schedules = schedules;
  }

  @Operation(summary = "Key groups with their schedule editions")
  @GetMapping
  @PreAuthorize(READ)
  List<KeyGroup> list() {
    return groups.list();
  }

  @Operation(summary = "Defines a key group with its first schedule edition: 400, 409 (existingId)")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  KeyGroup define(@RequestBody NewKeyGroup request) {
    return groups.define(request);
  }

  @Operation(summary = "A key group (404 unknown)")
  @GetMapping("/{code}")
  @PreAuthorize(READ)
  KeyGroup get(@PathVariable String code) {
    return groups.get(code);
  }

  @Operation(summary = "A new schedule edition that supersedes the current one from its date: 400")
  @PostMapping("/{code}/schedules")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  KeyGroup supersede(@PathVariable String code, @RequestBody NewSchedule request) {
    return groups.supersede(code, request);
  }

  @Operation(summary = "A group's members inside the caller's reach (an organisation's contact: their own)")
  @GetMapping("/{code}/members")
  @PreAuthorize(READ)
  PageResult<Member> members(@PathVariable String code, @RequestParam(required = false) String organisation,
      @RequestParam(defaultValue = "false") boolean retired, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return members.list(code, organisation, retired, Paging.of(page, size));
  }

  @Operation(summary = "Adds a member: 400 naming the fields, 404 person or organisation outside reach, 409")
  @PostMapping("/{code}/members")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(ROSTER)
  Member add(@PathVariable String code, @RequestBody NewMember request) {
    return members.add(code, request);
  }

  @Operation(summary = "A membership inside the reach (404 otherwise); audited")
  @GetMapping("/members/{id}")
  @PreAuthorize(READ)
  Member member(@PathVariable UUID id) {
    return members.get(id);
  }

  @Operation(summary = "Corrects a membership (the person stays); 409 when retired")
  @PutMapping("/members/{id}")
  @PreAuthorize(ROSTER)
  Member correct(@PathVariable UUID id, @RequestBody NewMember request) {
    return members.correct(id, request);
  }

  @Operation(summary = "Retires a membership (kept, read-only); 409 naming RETIRED when retired already")
  @PostMapping("/members/{id}/retire")
  @PreAuthorize(ROSTER)
  Member retire(@PathVariable UUID id) {
    return members.retire(id);
  }

  @Operation(summary = "Members in these states (default overdue, blocked, never sampled), longest overdue first")
  @GetMapping("/overdue")
  @PreAuthorize(READ)
  PageResult<Member> overdue(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String group, @RequestParam(required = false) String organisation,
      @RequestParam(required = false) Set<MemberState> state, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return schedules.list(jurisdiction, group, organisation, state, Paging.of(page, size));
  }

  @Operation(summary = "The same list as CSV; the export is audited")
  @GetMapping(path = "/overdue", produces = "text/csv")
  @PreAuthorize(READ)
  ResponseEntity<StreamingResponseBody> overdueCsv(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String group, @RequestParam(required = false) String organisation,
      @RequestParam(required = false) Set<MemberState> state) {
    java.util.function.Consumer<java.io.OutputStream> export = schedules.export(jurisdiction, group, organisation,
        state, OVERDUE_HEADER);
    StreamingResponseBody body = export::accept;
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"overdue.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
  }

  @Operation(summary = "Open memberships per organisation and state inside the reach; with level=COUNTY, TOWNSHIP or "
      + "VILLAGE per division on that level instead")
  @GetMapping("/compliance")
  @PreAuthorize(READ)
  List<?> compliance(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String group, @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String level) {
    if (level == null || level.isBlank() || level.strip().equalsIgnoreCase("ORGANISATION")) {
      return schedules.compliance(jurisdiction, group, organisation);
    }
    return divisions.byLevel(jurisdiction, level, group);
  }
}
