package org.epicommand.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.command.CommandMeetings;
import org.epicommand.command.CommandTasks;
import org.epicommand.command.MeetingView;
import org.epicommand.command.TaskAction;
import org.epicommand.command.TaskState;
import org.epicommand.command.TaskView;
import org.epicommand.command.TaskFilter;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/command/meetings} and {@code /api/v1/command/tasks}: decisions become tasks for units. */
@RestController
@RequestMapping("/api/v1/command")
@Tag(name = "Command")
class TaskApiController {

  /** An optional note with a step, reminder or supervision notice. */
  record Note(String note) {}

  private final CommandMeetings meetings;
  private final CommandTasks tasks;

  TaskApiController(CommandMeetings meetings, CommandTasks tasks) {
    this.meetings = meetings;
    this.tasks = tasks;
  }

  @GetMapping("/meetings")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  PageResult<MeetingView> meetings(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return meetings.list(Paging.of(page, size));
  }

  @Operation(summary = "Records a meeting (专题会 SPECIAL / 调度会 DISPATCH); a number already used → 409")
  @PostMapping("/meetings")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  MeetingView createMeeting(@RequestBody CommandMeetings.NewMeeting request) {
    return meetings.create(request);
  }

  @GetMapping("/meetings/{id}")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  MeetingView meeting(@PathVariable UUID id) {
    return meetings.get(id);
  }

  @Operation(summary = "Records a decision of the meeting and gives its tasks to units (each unit's members are told)")
  @PostMapping("/meetings/{id}/decisions")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  MeetingView.DecisionView decide(@PathVariable UUID id, @RequestBody CommandMeetings.NewDecision request) {
    return meetings.decide(id, request);
  }

  @Operation(summary = "Every unit's tasks, newest first; filter by unit, state, overdue")
  @GetMapping("/tasks")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  PageResult<TaskView> list(@RequestParam(required = false) String unit,
      @RequestParam(required = false) TaskState state, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return tasks.list(new TaskFilter(unit, state, overdue), Paging.of(page, size));
  }

  @Operation(summary = "A task not from a meeting decision")
  @PostMapping("/tasks")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  TaskView assign(@RequestBody CommandTasks.NewTask request) {
    return tasks.assign(null, request);
  }

  @Operation(summary = "The task inbox of the caller's unit (?unit= when they belong to several); 404 without a unit")
  @GetMapping("/tasks/inbox")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  PageResult<TaskView> inbox(@RequestParam(required = false) String unit,
      @RequestParam(required = false) TaskState state, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return tasks.inbox(unit, state, Paging.of(page, size));
  }

  @Operation(summary = "A task with its history; 404 unless the caller's unit has it or they read the command picture")
  @GetMapping("/tasks/{id}")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  TaskView task(@PathVariable UUID id) {
    return tasks.get(id);
  }

  @PostMapping("/tasks/{id}/accept")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  TaskView accept(@PathVariable UUID id, @RequestBody(required = false) Note note) {
    return tasks.act(id, TaskAction.ACCEPT, text(note));
  }

  @PostMapping("/tasks/{id}/start")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  TaskView start(@PathVariable UUID id, @RequestBody(required = false) Note note) {
    return tasks.act(id, TaskAction.START, text(note));
  }

  @PostMapping("/tasks/{id}/complete")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  TaskView complete(@PathVariable UUID id, @RequestBody(required = false) Note note) {
    return tasks.act(id, TaskAction.COMPLETE, text(note));
  }

  @PostMapping("/tasks/{id}/verify")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  TaskView verify(@PathVariable UUID id, @RequestBody(required = false) Note note) {
    return tasks.act(id, TaskAction.VERIFY, text(note));
  }

  @PostMapping("/tasks/{id}/reject")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  TaskView reject(@PathVariable UUID id, @RequestBody(required = false) Note note) {
    return tasks.act(id, TaskAction.REJECT, text(note));
  }

  @Operation(summary = "催办: a reminder to the unit's members; only open tasks")
  @PostMapping("/tasks/{id}/remind")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  TaskView remind(@PathVariable UUID id, @RequestBody(required = false) Note note) {
    return tasks.chase(id, false, text(note));
  }

  @Operation(summary = "督办: a supervision notice to the unit's members and the command office; only open tasks")
  @PostMapping("/tasks/{id}/supervise")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  TaskView supervise(@PathVariable UUID id, @RequestBody(required = false) Note note) {
    return tasks.chase(id, true, text(note));
  }

  private static String text(Note note) {
    return note == null ? null : note.note();
  }

  @Configuration(proxyBeanMethods = false)
  static class AccessRules {

    @Bean
    ApiAccessRule commandDecisionsRule() {
      return new ApiAccessRule("/api/v1/command/meetings/*/decisions", "COMMAND_MANAGE");
    }

    @Bean
    ApiAccessRule commandTaskInboxRule() {
      return new ApiAccessRule("/api/v1/command/tasks/inbox", "UNIT_WORK");
    }

    @Bean
    ApiAccessRule commandUnitStepsRule() {
      return new ApiAccessRule("/api/v1/command/tasks/*/{step:accept|start|complete}", "UNIT_WORK");
    }

    @Bean
    ApiAccessRule commandOfficeStepsRule() {
      return new ApiAccessRule("/api/v1/command/tasks/*/{step:verify|reject|remind|supervise}", "COMMAND_MANAGE");
    }
  }
}
