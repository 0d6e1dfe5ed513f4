package org.epicommand.enterprise.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.epicommand.keygroup.DutyBlock;
import org.epicommand.keygroup.MemberSchedules;
import org.springframework.stereotype.Component;

/**
 * What the key groups say now about persons on the ledgers: who is blocked from duty at which organisation (by any
 * group). A person blocked by two groups at one organisation counts once, with the larger blocking days (both
 * hold, and the longer span says more).
 */
@Component
public class KeyGroupBlocks {

  private final MemberSchedules schedules;

  KeyGroupBlocks(MemberSchedules schedules) {
    this.schedules = schedules;
  }

  /** The blocks of these persons, by {@link #key} of organisation and person. */
  public Map<String, DutyBlock> of(Collection<UUID> persons) {
    Map<String, DutyBlock> blocks = new LinkedHashMap<>();
    for (DutyBlock b : schedules.blockedFromDuty(persons)) {
      blocks.merge(key(b.organisationCode(), b.personId()), b, (x, y) -> days(y) > days(x) ? y : x);
    }
    return blocks;
  }

  /** The person's block at the organisation (by its credit code), if a group blocks them there now. */
  public Optional<DutyBlock> at(String organisationCode, UUID person) {
    return Optional.ofNullable(of(Set.of(person)).get(key(organisationCode, person.toString())));
  }

  /** The key of an organisation (credit code) and a person. */
  public static String key(String organisationCode, String personId) {
    return organisationCode + "|" + personId;
  }

  private static int days(DutyBlock b) {
    return b.blocksDays() == null ? 0 : b.blocksDays();
  }
}
