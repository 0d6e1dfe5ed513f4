/**
 * The organisation directory (单位名录): enterprises, institutions, schools, venues, pharmacies, clinics,
 * warehouses … by their unified social credit code (GB 32100), kind, sector and 属地 division, with their
 * contacts; an organisation's contact (UNIT_CONTACT) is bound to it and sees nothing else. Publishes
 * {@link org.epicommand.organisation.OrganisationsChanged} for the modules that keep organisations' figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package org.epicommand.organisation;
