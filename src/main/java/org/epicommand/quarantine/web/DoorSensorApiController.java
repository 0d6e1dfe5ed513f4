package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.epicommand.quarantine.internal.doors.DoorDeclarations;
import org.epicommand.quarantine.internal.doors.DoorSensors;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Door sensors (门磁) of home-isolation orders: {@code /api/v1/quarantine/door-sensors} binds and unbinds them,
 * {@code /api/v1/quarantine/orders/{id}/door-declarations} declares an opening beforehand.
 */
@RestController
@Tag(name = "Quarantine")
class DoorSensorApiController {

  record BindRequest(String deviceId, UUID orderId) {}

  record DeclarationRequest(Instant from, Integer minutes) {}

  private final DoorSensors sensors;

  DoorSensorApiController(DoorSensors sensors) {
    this.sensors = sensors;
  }

  @Operation(summary = "Binds a door sensor to an open order of the caller's jurisdiction (one sensor per order; "
      + "409 when the order has one or the device serves another open order). A new binding answers the sensor's "
      + "password at the built-in MQTT broker (mqttPassword, user name = device id) once; it is stored hashed")
  @PostMapping("/api/v1/quarantine/door-sensors")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  DoorSensors.DoorSensor bind(@RequestBody BindRequest request) {
    return sensors.bind(request.deviceId(), request.orderId());
  }

  @Operation(summary = "Door sensors in the caller's jurisdiction, optionally of one order, with their last event")
  @GetMapping("/api/v1/quarantine/door-sensors")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  PageResult<DoorSensors.DoorSensor> list(@RequestParam(required = false) UUID orderId,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return sensors.list(orderId, Paging.of(page, size));
  }

  @Operation(summary = "Issues a new MQTT password for a bound sensor (shown once; the previous one stops working)")
  @PostMapping("/api/v1/quarantine/door-sensors/{deviceId}/credential")
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  DoorSensors.DoorSensor issueCredential(@PathVariable String deviceId) {
    return sensors.issueCredential(deviceId);
  }

  @Operation(summary = "Unbinds a door sensor (its stored events stay with the order)")
  @DeleteMapping("/api/v1/quarantine/door-sensors/{deviceId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  void unbind(@PathVariable String deviceId) {
    sensors.unbind(deviceId);
  }

  @Operation(summary = "Declares a door opening beforehand (rubbish, delivery): an OPEN from 'from' for 'minutes' "
      + "(1–120) is no alert")
  @PostMapping("/api/v1/quarantine/orders/{id}/door-declarations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  DoorDeclarations.Declaration declare(@PathVariable UUID id, @RequestBody DeclarationRequest request) {
    return sensors.declare(id, request.from(), request.minutes());
  }

  @Configuration(proxyBeanMethods = false)
  static class DoorSensorApiRules {

    // reading needs QUARANTINE_READ; every change also QUARANTINE_WRITE (checked on the methods)
    @Bean
    ApiAccessRule doorSensorApiRule() {
      return new ApiAccessRule("/api/v1/quarantine/door-sensors/**", "QUARANTINE_READ");
    }

    @Bean
    ApiAccessRule doorDeclarationApiRule() {
      return new ApiAccessRule("/api/v1/quarantine/orders/*/door-declarations", "QUARANTINE_WRITE");
    }
  }
}
