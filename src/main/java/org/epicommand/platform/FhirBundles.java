package org.epicommand.platform;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * What every FHIR endpoint that takes one kind of resource (alone, or in a transaction, batch or
 * collection Bundle) reads the same way: the body parsed as FHIR R4 JSON or XML, the resource type
 * checked, and a Bundle taken apart into one slot per entry with an index of its resources by full URL
 * and by {@code Type/id} (for references between entries). A request refused as a whole comes back as a
 * {@link Refusal}: the OperationOutcome issue type, the FHIRPath of the element and a message key.
 */
public final class FhirBundles {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private FhirBundles() {}

  /** Why a request is refused as a whole (400): issue type, FHIRPath expression (or null), message key and args. */
  public record Refusal(String type, String expression, String key, Object... args) {}

  /**
   * One entry of a Bundle: where it is ({@code Bundle.entry[i]}), its resource when it is of the wanted
   * kind (else null: context such as a Patient, or nothing), and whether the entry had no resource.
   */
  public record Slot<T>(String entry, T resource, boolean empty) {

    /** Where its resource is: {@code Bundle.entry[i].resource}. */
    public String at() {
      return entry + ".resource";
    }
  }

  /** A Bundle taken apart: its entries, its resources by reference, and whether it is all-or-nothing. */
  public record Entries<T>(List<Slot<T>> slots, Map<String, IBaseResource> index, Bundle.BundleType type) {

    /** A transaction lands everything or nothing. */
    public boolean allOrNothing() {
      return type == Bundle.BundleType.TRANSACTION;
    }
  }

  /** A single resource of the wanted kind, or why not; exactly one of the two is set. */
  public record Single<T>(T resource, Refusal refusal) {}

  /** A Bundle's entries, or why it is refused; exactly one of the two is set. */
  public record Unpacked<T>(Entries<T> entries, Refusal refusal) {}

  /** The body as one resource of type {@code kind}. */
  public static <T extends Resource> Single<T> single(String body, boolean xml, Class<T> kind) {
    IBaseResource resource;
    try {
      resource = parse(body, xml);
    } catch (RuntimeException e) {
      return new Single<>(null, new Refusal("structure", null, "fhir.unparseable", message(e)));
    }
    if (!kind.isInstance(resource)) {
      return new Single<>(null, new Refusal("not-supported", null, "fhir.resourceType", kind.getSimpleName(),
          type(resource)));
    }
    return new Single<>(kind.cast(resource), null);
  }

  /**
   * The body as a transaction, batch or collection Bundle holding at least one resource of type {@code kind}
   * ({@code noneKey} names the refusal when it holds none).
   */
  public static <T extends Resource> Unpacked<T> unpack(String body, boolean xml, Class<T> kind, String noneKey) {
    Single<Bundle> read = single(body, xml, Bundle.class);
    if (read.refusal() != null) {
      return new Unpacked<>(null, read.refusal());
    }
    Bundle bundle = read.resource();
    Bundle.BundleType type = bundle.getType();
    if (type != Bundle.BundleType.TRANSACTION && type != Bundle.BundleType.BATCH
        && type != Bundle.BundleType.COLLECTION) {
      return new Unpacked<>(null, new Refusal("not-supported", "Bundle.type", "fhir.bundleType",
          type == null ? "-" : type.toCode()));
    }
    Map<String, IBaseResource> index = new HashMap<>();
    List<Slot<T>> slots = new ArrayList<>();
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      Bundle.BundleEntryComponent component = bundle.getEntry().get(i);
      Resource inside = component.getResource();
      if (inside != null) {
        if (component.hasFullUrl()) {
          index.put(component.getFullUrl(), inside);
        }
        if (inside.getIdElement().hasIdPart()) {
          index.put(inside.fhirType() + "/" + inside.getIdElement().getIdPart(), inside);
        }
      }
      slots.add(new Slot<>("Bundle.entry[" + i + "]", kind.isInstance(inside) ? kind.cast(inside) : null,
          inside == null));
    }
    if (slots.stream().noneMatch(s -> s.resource() != null)) {
      return new Unpacked<>(null, new Refusal("required", "Bundle.entry", noneKey));
    }
    return new Unpacked<>(new Entries<>(slots, index, type), null);
  }

  /** A mapper's unforeseen failure as the text of an issue (at most 300 characters). */
  public static String message(RuntimeException e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return text.length() > 300 ? text.substring(0, 300) : text;
  }

  private static IBaseResource parse(String body, boolean xml) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("empty body");
    }
    IParser parser = xml ? FHIR.newXmlParser() : FHIR.newJsonParser();
    return parser.parseResource(body);
  }

  private static String type(IBaseResource resource) {
    return resource == null ? "-" : FHIR.getResourceType(resource);
  }
}
