package org.epicommand.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;

/**
 * FHIR request bodies as every FHIR endpoint reads them: FHIR JSON or FHIR XML by media type ({@code
 * application/fhir+json}, {@code application/fhir+xml}, or plain JSON/XML; none given is JSON), and at
 * most a configured number of bytes, whether declared or not.
 */
public final class FhirRequests {

  /** The answers' media type: FHIR JSON. */
  public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

  private FhirRequests() {}

  /** A body as read: its text and whether it is XML; {@code null} text when it was larger than allowed. */
  public record Body(String text, boolean xml) {}

  /** True for FHIR XML, false for FHIR JSON, null for anything else. */
  public static Boolean xml(String contentType) {
    MediaType type;
    try {
      type = contentType == null ? MediaType.APPLICATION_JSON : MediaType.parseMediaType(contentType);
    } catch (org.springframework.util.InvalidMimeTypeException e) {
      return null;
    }
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    boolean application = type.getType().equalsIgnoreCase("application");
    if (application && (subtype.equals("fhir+json") || subtype.equals("json") || subtype.equals("json+fhir"))) {
      return false;
    }
    if ((application || type.getType().equalsIgnoreCase("text"))
        && (subtype.equals("fhir+xml") || subtype.equals("xml") || subtype.equals("xml+fhir"))) {
      return true;
    }
    return null;
  }

  /**
   * The body of a request whose media type is FHIR ({@link #xml} not null), read up to {@code maxBytes}:
   * its text is null when the body is larger (declared or as read).
   */
  public static Body read(HttpServletRequest request, boolean xml, long maxBytes) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      return new Body(null, xml);
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (body.length > maxBytes) {
      return new Body(null, xml);
    }
    return new Body(new String(body, charset(request.getCharacterEncoding())), xml);
  }

  private static Charset charset(String name) {
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
