package org.epicommand.labtest;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.imports.CsvExport;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonLookup;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The not-tested list of a campaign: the residents of a jurisdiction (inside the campaign's scope and
 * the caller's) with no tube sampled in the window, paged or exported as CSV (audited as EXPORT).
 * The residents are walked in slices in the person module's index order and the tested ones dropped.
 */
@Service
public class UntestedLists {

  static final int SLICE = 2_000;
  static final int EXPORT_MAX = 1_000_000;

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final PersonLookup persons;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  UntestedLists(JdbcClient jdbc, CurrentUser currentUser, Jurisdictions jurisdictions, PersonLookup persons,
      AuditTrail audit, java.time.Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.persons = persons;
    this.audit = audit;
  }

  public PageResult<UntestedPerson> page(UUID campaignId, String jurisdictionCode, Paging paging) {
    JurisdictionScope scope = scope(campaignId, jurisdictionCode);
    List<UntestedPerson> found = new ArrayList<>();
    long skip = paging.offset();
    int wanted = paging.fetchSize();
    for (long offset = 0; found.size() < wanted; offset += SLICE) {
      List<UntestedPerson> slice = untested(campaignId, scope, offset);
      if (slice == null) {
        break;
      }
      for (UntestedPerson person : slice) {
        if (skip > 0) {
          skip--;
        } else if (found.size() < wanted) {
          found.add(person);
        }
      }
    }
    return paging.toResult(found, null);
  }

  /** Checks the scope and writes the EXPORT audit event now; the rows are written when the caller streams. */
  @Transactional
  public Consumer<OutputStream> export(UUID campaignId, String jurisdictionCode, List<String> header) {
    JurisdictionScope scope = scope(campaignId, jurisdictionCode);
    audit.record(AuditAction.EXPORT, "CAMPAIGN_UNTESTED", campaignId.toString(), "jurisdiction=" + scope.code());
    return out -> {
      try (CsvExport csv = CsvExport.to(out, header, clock.getZone())) {
        long written = 0;
        for (long offset = 0; written < EXPORT_MAX; offset += SLICE) {
          List<UntestedPerson> slice = untested(campaignId, scope, offset);
          if (slice == null) {
            break;
          }
          for (UntestedPerson p : slice) {
            csv.row(List.of(p.personId().toString(), p.name(), p.jurisdictionCode()));
            written++;
          }
        }
      }
    };
  }

  /** The untested among one slice of residents; {@code null} past the last resident. */
  private List<UntestedPerson> untested(UUID campaignId, JurisdictionScope scope, long offset) {
    List<PersonLookup.Resident> residents = persons.residents(scope, offset, SLICE);
    if (residents.isEmpty()) {
      return null;
    }
    String ids = residents.stream().map(r -> r.person().id())
        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    Set<String> tested = new HashSet<>(jdbc.sql("""
        select person_id::text from labtest_campaign_tested
        where campaign_id = :campaign and person_id = any(cast(:ids as uuid[]))
        """).param("campaign", campaignId).param("ids", ids).query(String.class).list());
    return residents.stream().filter(r -> !tested.contains(r.person().id()))
        .map(r -> new UntestedPerson(UUID.fromString(r.person().id()), r.person().name(), r.person()
            .jurisdictionCode()))
        .toList();
  }

  /** The jurisdiction asked for, which must lie inside one of the campaign's scopes and the caller's. */
  private JurisdictionScope scope(UUID campaignId, String jurisdictionCode) {
    UserContext user = currentUser.get();
    Jurisdiction part = jurisdictionCode == null || jurisdictionCode.isBlank() ? null
        : jurisdictions.find(jurisdictionCode.strip()).orElseThrow(() -> new RecordNotFound("jurisdiction"));
    JurisdictionScope wanted = part == null ? user.scope() : part.scope();
    if (!user.scope().contains(wanted.path())) {
      throw new RecordNotFound("jurisdiction");
    }
    List<String> scopes = jdbc.sql("select jurisdiction_path from labtest_campaign_scope where campaign_id = ?")
        .param(campaignId).query(String.class).list();
    for (String path : scopes) {
      if (wanted.path().startsWith(path)) {
        return wanted;
      }
    }
    // no jurisdiction given and the caller above the campaign: the first campaign scope they may see
    for (String path : scopes) {
      if (part == null && user.scope().contains(path)) {
        String[] codes = path.split("/");
        return new JurisdictionScope(codes[codes.length - 1], path);
      }
    }
    throw new RecordNotFound("campaign");
  }
}
