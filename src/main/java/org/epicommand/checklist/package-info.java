/**
 * The checklist engine (验收清单): versioned templates of items — each with a code, its wording, whether it
 * blocks approval and what evidence it needs — with the sign-offs and supplies a template asks for; results
 * per item (PASS, FAIL, NA) with photos by the supervision photo rules; a failed blocking item can become a
 * supervision problem. Used by reopening; site standards, pharmacy checks and inspections can use it too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Checklists")
package org.epicommand.checklist;
