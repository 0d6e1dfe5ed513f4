package org.epicommand.account;

/**
 * What a role may do. Each permission is granted as an authority of the same name, so endpoints
 * check it with {@code hasAuthority('PERSON_READ')}.
 */
public enum Permission {
  /** See the accounts (system and security administrators). */
  USER_READ,
  /** Create staff accounts, edit and disable them, reset their passwords — no roles (system administrator). */
  USER_ADMIN,
  /**
   * Assign roles, grant and remove administrator roles, reset administrators' passwords, unlock
   * accounts, grant temporary roles (security administrator).
   */
  ACCESS_ADMIN,
  /** Import and edit the division tree. */
  JURISDICTION_ADMIN,
  /** Read the audit trail. */
  AUDIT_READ,
  /** Read persons inside the own jurisdiction. */
  PERSON_READ,
  /** Register and edit persons inside the own jurisdiction. */
  PERSON_WRITE,
  /** See document numbers and phones unmasked. */
  PERSON_FULL_IDENTITY,
  /** Export person lists. */
  PERSON_EXPORT,
  // quarantine
  /** Read quarantine orders, alerts and work lists inside the own jurisdiction. */
  QUARANTINE_READ,
  /** Open, recompute, end and release orders; record tests and health checks; handle alerts. */
  QUARANTINE_WRITE,
  /** Run quarantine sites: rooms, check-in, transfers, health checks at the site. */
  SITE_OPERATE,
  /** Add protocol rule sets. */
  RULE_SET_ADMIN,
  // supervision
  /** See visits that have happened to the own units, their problems and photos (inspection side: all). */
  SUPERVISION_READ,
  /** Plan inspections, run unannounced visits, record findings, verify and close problems, accountability. */
  INSPECTION_MANAGE,
  /** Rectify the own units' problems: start rectifying, upload and submit evidence. */
  PROBLEM_RECTIFY,
  // cases, tracing
  /** Read cases and transmission chains inside the own jurisdiction. */
  CASE_READ,
  /** Report cases, reclassify them, record tests and outcomes; import line lists. */
  CASE_WRITE,
  /** Export case lists (masked). */
  CASE_EXPORT,
  /** Record infector → infectee links. */
  CHAIN_WRITE,
  // command
  /** See the command organisation, meetings, every unit's tasks and the daily-report completeness. */
  COMMAND_READ,
  /** Run the command post: units, response level, meetings, decisions, verifying tasks, reminders, report templates. */
  COMMAND_MANAGE,
  /** Work for one's own unit: its task inbox, its duty roster and its daily reports. */
  UNIT_WORK,
  // movement
  /** Read risk areas, arrivals and pushed-list items (personal ones inside the own jurisdiction). */
  MOVEMENT_READ,
  /** Register arrivals; sign, verify and give feedback on pushed-list items of the own jurisdiction. */
  MOVEMENT_WRITE,
  /** Designate risk areas, record new infections in them, approve downgrades (command office). */
  RISK_AREA_MANAGE,
  /** Import pushed lists (command office, district desks). */
  PUSHED_LIST_IMPORT,
  // labtest
  /** Read tubes, retest lists and campaign coverage inside the own jurisdiction. */
  TEST_READ,
  /** Import tubes with their members (sampling). */
  LAB_SAMPLE_WRITE,
  /** Import lab results. */
  LAB_RESULT_WRITE,
  /** Start mass-testing campaigns. */
  CAMPAIGN_WRITE,
  /** Create, correct, retire and reactivate sampling sites and laboratories; import them. */
  LAB_ADMIN,
  // tracing: contacts
  /** Move a contact's tracking on: located, under control, not found, transferred out, excluded. */
  CONTACT_TRACK,
  // analytics
  /** See the command dashboard (counts only, no personal data) and Rt on the platform's cases, inside the own
   * jurisdiction. */
  DASHBOARD_READ,
  // analytics: situation report and public bulletin
  /** Read the daily situation report (疫情形势分析报告) of the own jurisdiction, as a page or PDF. */
  REPORT_READ,
  /** Draft, edit, approve and publish the public bulletin (信息发布): the command office. */
  BULLETIN_MANAGE,
  // analytics: the command hall's big screen
  /**
   * See the big screen (指挥大屏) and its map: aggregate figures of the own jurisdiction, places and risk
   * areas — no personal data, community counts below five shown as "<5".
   */
  SCREEN_READ,
  // vaccination
  /** Read vaccination coverage, door-to-door target lists, persons' doses, exclusions and adverse events inside the own
   * jurisdiction. */
  VACCINATION_READ,
  /** Record doses (at the own site when bound to one) and adverse events following immunization; report and close them.
   * */
  VACCINATION_WRITE,
  /** Work the door-to-door target lists: record visit outcomes (销号) and exclusions, lift exclusions. */
  VACCINATION_VISIT,
  /** Import doses from the immunisation information system (CSV, XLSX, FHIR Immunization). */
  VACCINATION_IMPORT,
  /** Keep vaccine products, vaccination sites and vaccinators, coverage targets and the resident counts. */
  VACCINATION_ADMIN,
  // screening: rolling door-to-door screening, gatherings, rural markets
  /** Read screening rounds, coverage, the not-visited list, findings, gatherings and market days inside the own
   * jurisdiction. */
  SCREENING_READ,
  /** Visit households on a phone, act on findings, register gatherings and their follow-up. */
  SCREENING_VISIT,
  /** Assign the communities of a round to grid workers (street staff). */
  SCREENING_ASSIGN,
  /** Launch, start and close rounds; keep gathering policies and market days; approve gatherings. */
  SCREENING_MANAGE,
  // organisations and reopening (复工复产、复学、场所开放)
  /** Read the organisation directory inside the own jurisdiction (an organisation's contact: their own only). */
  ORGANISATION_READ,
  /** Register, correct, retire and import organisations inside the own jurisdiction. */
  ORGANISATION_WRITE,
  /** Read resumption applications, staff ledgers, daily health reports and the board inside the own scope. */
  RESUMPTION_READ,
  /** Keep the own organisation's application, staff ledger and daily health report (and 属地 on its behalf). */
  RESUMPTION_APPLY,
  /** Review an application's material (sector departments) and send it to site inspection, or reject it. */
  RESUMPTION_REVIEW,
  /** Inspect on site: record checklist results with photos (属地, inspectors). */
  RESUMPTION_INSPECT,
  /** Decide: gates, checklist templates, approval, suspension and re-inspection (command office). */
  RESUMPTION_DECIDE,
  // treatment
  /** Read hospitals, beds, occupancy, expert teams and the capacity board inside the own jurisdiction (bound operators:
   * their hospitals). */
  TREATMENT_READ,
  /** Keep hospitals (create, correct, import, activate, stand down) and expert teams; assign teams to cases. */
  TREATMENT_ADMIN,
  /** Admit, transfer, discharge and record deaths; keep bed counts (bound operators: their hospitals). */
  ADMISSION_WRITE,
  // supplies (物资保障)
  /** Read the stock board, warehouses, days of stock and requests inside the own jurisdiction. */
  SUPPLIES_READ,
  /** Keep items and warehouses; approve, reject, allocate, dispatch and close requests (supplies group). */
  SUPPLIES_MANAGE,
  /** Request supplies for the own unit and confirm their receipt. */
  SUPPLIES_REQUEST,
  /** Receive, issue and count stock in the warehouses the keeper is bound to. */
  WAREHOUSE_OPERATE,
  /** Read markets, necessity prices and price alerts inside the own jurisdiction. */
  PRICE_READ,
  /** Keep markets and report daily prices (commerce bureau, market regulation). */
  PRICE_REPORT,
  // sentinels: pharmacies (哨点监测)
  /** Read pharmacies, drug policies, purchase registrations and the verification list inside the own jurisdiction. */
  SENTINEL_READ,
  /** Register pharmacies and set their status; set dated drug-class sales policies (market regulation). */
  SENTINEL_MANAGE,
  /** Register a real-name purchase at the own pharmacy (a pharmacy clerk) or any pharmacy in scope. */
  PURCHASE_REGISTER,
  /** Contact and close the community's verification items of untested buyers. */
  SENTINEL_VERIFY,
  /** Keep the own clinic's patient register (fever clinics, village and individual clinics). */
  CLINIC_REGISTER,
  // sealed areas: a volunteer's own tasks
  /** See and work off one's own sealed-area tasks: shifts (check in) and the service requests assigned to one. */
  LOCKDOWN_TASK,
  // tip-offs (有奖举报)
  /** Read tip-offs in the own jurisdiction: the office all of them, the others those assigned for verification. */
  TIPOFF_READ,
  /** Verify an assigned tip-off in the own jurisdiction and record the outcome (community workers). */
  TIPOFF_VERIFY,
  /** Enter, triage and assign tip-offs, decide rewards and refer concealment (the tip-off office). */
  TIPOFF_MANAGE,
  /** See who informed (name, phone, client address): the tip-off office alone; anyone else is answered 404. */
  TIPOFF_INFORMANT,
  // key groups and environmental monitoring (重点人群、环境监测)
  /** Read key groups, their members, the due and overdue lists, environmental sites and samples inside the scope. */
  KEYGROUP_READ,
  /** Define key groups and their schedule editions, environmental sites (CDC). */
  KEYGROUP_MANAGE,
  /** Keep key-group rosters: add, correct, retire and import members (an organisation's contact: their own). */
  KEYGROUP_ROSTER,
  /** Record environmental samples and their results; work the follow-up of a positive one. */
  ENVIRONMENT_WRITE
}
