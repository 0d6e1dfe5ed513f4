package org.epicommand.enterprise;

import java.time.OffsetDateTime;

/** A document of an application: its kind, the name it was uploaded under (shown only), sniffed type and size. */
public record ApplicationDocument(String id, DocumentKind kind, String fileName, String contentType, long size,
    String uploadedBy, OffsetDateTime uploadedAt) {}
