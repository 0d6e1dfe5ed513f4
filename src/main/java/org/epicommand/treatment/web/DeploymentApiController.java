package org.epicommand.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.treatment.DeployedWorker;
import org.epicommand.treatment.DeploymentStatus;
import org.epicommand.treatment.StaffDeployment;
import org.epicommand.treatment.StaffDeployments;
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

/**
 * {@code /api/v1/staff-deployments}: medical staff sent to hospitals. Readers of treatment see those of their
 * jurisdiction (by the target hospital); the medical group plans and moves them.
 */
@RestController
@RequestMapping("/api/v1/staff-deployments")
@Tag(name = "Treatment")
class DeploymentApiController {

  private final StaffDeployments deployments;

  DeploymentApiController(StaffDeployments deployments) {
    this.deployments = deployments;
  }

  @Operation(summary = "Deployments inside the caller's jurisdiction, open ones first; of one hospital (to or from)")
  @GetMapping
  @PreAuthorize(HospitalApiController.READ)
  PageResult<StaffDeployment> list(@RequestParam(required = false) String hospital,
      @RequestParam(required = false) DeploymentStatus status, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return deployments.list(hospital, status, Paging.of(page, size));
  }

  @Operation(summary = "A deployment (404 outside the caller's jurisdiction)")
  @GetMapping("/{id}")
  @PreAuthorize(HospitalApiController.READ)
  StaffDeployment get(@PathVariable String id) {
    return deployments.get(id);
  }

  @Operation(
      summary = "Plans a deployment of N staff of a kind from a hospital or team to a hospital; 400 naming the fields")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(HospitalApiController.ADMIN)
  StaffDeployment plan(@RequestBody StaffDeployment.New request) {
    return deployments.plan(request);
  }

  @Operation(summary = "The staff have arrived (PLANNED → DEPLOYED); 409 naming the state otherwise")
  @PostMapping("/{id}/deploy")
  @PreAuthorize(HospitalApiController.ADMIN)
  StaffDeployment deploy(@PathVariable String id) {
    return deployments.deploy(id);
  }

  @Operation(summary = "The staff have returned (DEPLOYED → RETURNED); 409 naming the state otherwise")
  @PostMapping("/{id}/recall")
  @PreAuthorize(HospitalApiController.ADMIN)
  StaffDeployment recall(@PathVariable String id) {
    return deployments.recall(id);
  }

  @Operation(summary = "Cancels a planned deployment (PLANNED → CANCELLED); 409 naming the state otherwise")
  @PostMapping("/{id}/cancel")
  @PreAuthorize(HospitalApiController.ADMIN)
  StaffDeployment cancel(@PathVariable String id) {
    return deployments.cancel(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule staffDeploymentsRule() {
      return new ApiAccessRule("/api/v1/staff-deployments/**", "TREATMENT_READ");
    }
  }

  @Operation(summary = "Names a worker of the deployment (a person of the registry, a role); headcount stays")
  @PostMapping("/{id}/workers")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(HospitalApiController.ADMIN)
  DeployedWorker name(@PathVariable String id, @RequestBody(required = false) DeployedWorker.New request) {
    return deployments.name(id, request);
  }

  @Operation(summary = "The named workers of the deployment, by name")
  @GetMapping("/{id}/workers")
  @PreAuthorize(HospitalApiController.READ)
  List<DeployedWorker> workers(@PathVariable String id) {
    return deployments.workers(id);
  }

  @Operation(summary = "Takes a named worker off the deployment (kept, ended now); 404 when not named on it")
  @PostMapping("/{id}/workers/{personId}/end")
  @PreAuthorize(HospitalApiController.ADMIN)
  DeployedWorker end(@PathVariable String id, @PathVariable String personId) {
    return deployments.end(id, personId);
  }
}
