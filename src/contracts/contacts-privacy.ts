import { z } from 'zod';
import { NetworkParams } from './common.js';
import { ConsentChannel, ConsentPurpose, LegalBasis } from './contacts.js';

/* GDPR in the address book: consents, the withdrawal link, access export, erasure and retention. */

export const PersonParams = NetworkParams.extend({
  personId: z.uuid({ error: 'Unbekannte Person.' }),
});
export const ConsentParams = PersonParams.extend({
  consentId: z.uuid({ error: 'Unbekannte Einwilligung.' }),
});

export const Consent = z.object({
  id: z.uuid(),
  purpose: ConsentPurpose,
  givenAt: z.iso.datetime({ offset: true }),
  givenVia: ConsentChannel,
  textVersion: z.string(),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
  withdrawnVia: ConsentChannel.nullable(),
  /** An objection through the withdrawal link when no consent had been recorded. */
  objection: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;

export const PersonPrivacy = z.object({
  personId: z.uuid(),
  legalBasis: LegalBasis,
  erasedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Why erasure would be refused (committee membership, account), or null. */
  erasureBlockedBy: z.string().nullable(),
  consents: z.array(Consent),
});
export type PersonPrivacy = z.infer<typeof PersonPrivacy>;

export const GiveConsentInput = z.object({
  purpose: ConsentPurpose,
  // The day the declaration came (defaults to now): YYYY-MM-DD.
  givenOn: z.iso.date({ error: 'Bitte geben Sie ein gültiges Datum an.' }).optional(),
  givenVia: ConsentChannel,
  textVersion: z
    .string()
    .trim()
    .min(1, { error: 'Bitte geben Sie die Fassung des Einwilligungstextes an.' })
    .max(100),
});
export type GiveConsentInput = z.infer<typeof GiveConsentInput>;

export const WithdrawConsentInput = z.object({ via: ConsentChannel });

export const EraseInput = z.object({
  reason: z.string().trim().min(3, { error: 'Bitte geben Sie einen Grund für die Löschung an.' }).max(500),
});
export const EraseResult = z.object({ personId: z.uuid(), erasedAt: z.iso.datetime({ offset: true }) });

export const WithdrawalToken = z.object({ token: z.string().min(20).max(100) });
/** What the public withdrawal page shows: whose link it is and whether mails are already off. */
export const WithdrawalInfo = z.object({
  networkName: z.string(),
  personName: z.string(),
  withdrawn: z.boolean(),
});
export type WithdrawalInfo = z.infer<typeof WithdrawalInfo>;

/** Record types with a retention period (months after which they are offered for deletion). */
export const retentionRecordTypes = [
  'inactive_person',
  'withdrawn_person',
  'outbox_mail',
  'contact_import',
] as const;
export const RetentionRecordType = z.enum(retentionRecordTypes);
export type RetentionRecordType = z.infer<typeof RetentionRecordType>;

export const RetentionRule = z.object({
  recordType: RetentionRecordType,
  months: z
    .number({ error: 'Bitte geben Sie die Frist in Monaten an.' })
    .int({ error: 'Bitte geben Sie ganze Monate an.' })
    .min(1, { error: 'Die Frist beträgt mindestens einen Monat.' })
    .max(240, { error: 'Die Frist beträgt höchstens 240 Monate.' }),
});
export type RetentionRule = z.infer<typeof RetentionRule>;

export const RetentionCase = z.object({
  id: z.uuid(),
  recordType: RetentionRecordType,
  recordId: z.uuid(),
  label: z.string(),
  offeredAt: z.iso.datetime({ offset: true }),
  exportedAt: z.iso.datetime({ offset: true }).nullable(),
  declinedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type RetentionCase = z.infer<typeof RetentionCase>;

export const RetentionOverview = z.object({
  rules: z.array(RetentionRule),
  due: z.array(RetentionCase),
});
export type RetentionOverview = z.infer<typeof RetentionOverview>;

export const RetentionRulesInput = z.object({ rules: z.array(RetentionRule).min(1).max(10) });
export const RetentionCaseParams = NetworkParams.extend({
  caseId: z.uuid({ error: 'Unbekannter Eintrag.' }),
});
export const RetentionRunResult = z.object({ offered: z.number().int() });
