package org.epicommand.shared;

import java.util.List;

/**
 * What a city must have set up before a capability works, declared by the module that needs it (as
 * {@link NavigationItem} and {@link HomeWidget} are). The administrator's setup page asks every
 * module and lists what is still missing, with a link to the page that fixes it. Checks count
 * master data only: no personal data.
 */
public interface SetupCheck {

  List<SetupItem> check();
}
