import { z } from 'zod';

/* The address book's shared vocabulary (Netzwerk: Personen · Einrichtungen · Verteiler); each part has its
 * own contract file (contacts-people.ts, contacts-import.ts, …). */

export const institutionTypes = [
  'school',
  'kita',
  'youth_services',
  'company',
  'chamber',
  'association',
  'authority',
  'higher_education',
  'other',
] as const;
export const InstitutionType = z.enum(institutionTypes, {
  error: 'Bitte wählen Sie eine Art der Einrichtung.',
});
export type InstitutionType = z.infer<typeof InstitutionType>;

/** School types of NRW as the school statistics name them (free text is refused for schools). */
export const schoolTypes = [
  'Grundschule',
  'Hauptschule',
  'Realschule',
  'Sekundarschule',
  'Gesamtschule',
  'Gymnasium',
  'Förderschule',
  'Berufskolleg',
  'Weiterbildungskolleg',
  'Freie Waldorfschule',
] as const;
export const SchoolType = z.enum(schoolTypes, { error: 'Bitte wählen Sie eine Schulform.' });
export type SchoolType = z.infer<typeof SchoolType>;
/** Secondary level I ("Sek I"), the grouping offices use for lists. */
export const secondaryOneSchoolTypes: readonly SchoolType[] = [
  'Hauptschule',
  'Realschule',
  'Sekundarschule',
  'Gesamtschule',
  'Gymnasium',
];

/** The 6-digit NRW school number (Schulnummer). */
export const SchoolNumber = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'Die Schulnummer hat in NRW sechs Ziffern.' });

export const Salutation = z.enum(['Frau', 'Herr', 'divers', 'none'], {
  error: 'Bitte wählen Sie eine Anrede.',
});
export type Salutation = z.infer<typeof Salutation>;

/**
 * Why the network may process a person's data (Art. 6 DSGVO): institutional representatives as a public
 * task (e), everyone else by consent (a).
 */
export const LegalBasis = z.enum(['public_task', 'consent'], {
  error: 'Bitte wählen Sie eine Rechtsgrundlage.',
});
export type LegalBasis = z.infer<typeof LegalBasis>;

/** What a consent covers: mails from distribution lists (newsletter), photos, optional data, health data. */
export const consentPurposes = ['mailing', 'photos', 'optional_data', 'health_data'] as const;
export const ConsentPurpose = z.enum(consentPurposes, { error: 'Unbekannter Zweck der Einwilligung.' });
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/** How a consent was given or withdrawn. */
export const consentChannels = ['form', 'paper', 'email', 'phone', 'registration', 'link'] as const;
export const ConsentChannel = z.enum(consentChannels, { error: 'Bitte wählen Sie, wie die Erklärung kam.' });
export type ConsentChannel = z.infer<typeof ConsentChannel>;

/** Where a person's record came from. */
export const personSources = [
  'entered',
  'imported',
  'registration',
  'committee',
  'guest',
  'account',
] as const;
export const PersonSource = z.enum(personSources);
export type PersonSource = z.infer<typeof PersonSource>;

/**
 * A dynamic distribution list's saved filter: every condition given must hold (within one condition, any of
 * its values). E.g. head teachers of Sek I schools in Brilon and Olsberg:
 * { institutionTypes: ['school'], schoolTypes: [...Sek I], municipalityIds: [Brilon, Olsberg], functions: ['Schulleitung'] }.
 */
export const ListFilter = z.object({
  institutionTypes: z.array(InstitutionType).max(20).optional(),
  schoolTypes: z.array(SchoolType).max(20).optional(),
  // Where the person's institution is (its municipality of the network).
  municipalityIds: z.array(z.uuid()).max(100).optional(),
  // Function at an institution, matched folded ("Schulleitung" finds "Schulleiterin"? no: the words given).
  functions: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  fieldIds: z.array(z.uuid()).max(50).optional(),
  multiplierOnly: z.boolean().optional(),
  multiplierTopics: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
});
export type ListFilter = z.infer<typeof ListFilter>;

/** Why a person on a list gets no mail from it. */
export const ListExclusionReason = z.enum(['no_email', 'no_consent', 'consent_withdrawn', 'erased']);
export type ListExclusionReason = z.infer<typeof ListExclusionReason>;
