package org.epicommand.jurisdiction.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.jurisdiction.BoundaryImportResult;
import org.epicommand.jurisdiction.BoundaryImports;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.DivisionShape;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.jurisdiction.MapDetail;
import org.epicommand.jurisdiction.MapFeatures;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Division boundaries: the import ({@code POST /api/v1/jurisdictions/boundaries}, administrators) and a
 * division's map — the boundaries of its children, or its own when its children have none — for every
 * signed-in user (published administrative data, like the tree), for the API and the division page.
 */
@RestController
@Tag(name = "Jurisdictions")
class BoundaryApiController {

  private final BoundaryImports imports;
  private final DivisionBoundaries boundaries;
  private final Jurisdictions jurisdictions;

  BoundaryApiController(BoundaryImports imports, DivisionBoundaries boundaries, Jurisdictions jurisdictions) {
    this.imports = imports;
    this.boundaries = boundaries;
    this.jurisdictions = jurisdictions;
  }

  @Operation(summary = "Import division boundaries from a GeoJSON or ECharts map file; row errors per feature")
  @PostMapping(path = "/api/v1/jurisdictions/boundaries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAuthority('JURISDICTION_ADMIN')")
  BoundaryImportResult importBoundaries(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String key, @RequestParam(required = false) String parent,
      @RequestParam(required = false) String level, Locale locale) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("file", "import.noFile"));
    }
    if (file.getSize() > BoundaryImports.MAX_FILE_BYTES) {
      throw new ValidationFailure(FieldProblem.of("file", "boundary.fileTooLarge",
          BoundaryImports.MAX_FILE_BYTES / 1024 / 1024));
    }
    return imports.importFile(file.getBytes(), options(key, parent, level, file.getOriginalFilename()), locale);
  }

  /** The options as a form or a script gives them; an unknown key or level is a 400 on that field. */
  static BoundaryImports.Options options(String key, String parent, String level, String fileName) {
    BoundaryImports.Key parsedKey;
    JurisdictionLevel parsedLevel;
    try {
      parsedKey = key == null || key.isBlank() ? BoundaryImports.Key.AUTO
          : BoundaryImports.Key.valueOf(key.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of("key", "invalidValue"));
    }
    try {
      parsedLevel = level == null || level.isBlank() ? null : JurisdictionLevel.valueOf(level.strip()
          .toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of("level", "invalidValue"));
    }
    String source = fileName == null ? null : fileName.substring(Math.max(fileName.lastIndexOf('/'),
        fileName.lastIndexOf('\\')) + 1);
    return new BoundaryImports.Options(parsedKey, parent == null || parent.isBlank() ? null : parent.strip(),
        parsedLevel,
        source == null || source.isBlank() ? null : source.length() > 255 ? source.substring(0, 255) : source);
  }

  @Operation(summary = "The boundaries of a division's children as GeoJSON (its own when the children have none)")
  @GetMapping({"/api/v1/jurisdictions/{code}/map", "/jurisdictions/{code}/map.json"})
  MapFeatures.FeatureCollection map(@PathVariable String code, @RequestParam(required = false) MapDetail detail) {
    Jurisdiction node = jurisdictions.find(code).orElseThrow(() -> new RecordNotFound("jurisdiction"));
    List<DivisionShape> shapes = jurisdictions.children(node.code()).stream().findFirst()
        .map(child -> boundaries.shapes(node.scope(), child.level(),
            detail != null ? detail : boundaries.detailFor(node.scope(), child.level())))
        .filter(list -> !list.isEmpty())
        .orElseGet(() -> boundaries.shape(node.code(), detail != null ? detail : MapDetail.MEDIUM).stream().toList());
    return MapFeatures.of(shapes, shape -> Map.of());
  }
}
