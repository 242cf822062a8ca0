import { and, eq } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { giveConsent, personPrivacy, withdrawConsent } from '../modules/contacts/privacy.service.js';
import { offerDueRecords } from '../modules/contacts/retention.service.js';
import { demoOffice } from './demo-office.js';

/**
 * The privacy part of the demo network, through the office's use cases: Jana Müller-Beispiel (of the
 * people demo) has agreed to photos at the conference and withdrew her consent to list mails by
 * e-mail; the retention check has run once. Idempotent: a person who already has a photo consent is
 * left alone. Without the people demo (no such person) it does nothing.
 */
export async function seedContactsPrivacyDemo(deps: Deps, networkId: string): Promise<void> {
  const [jana] = await deps.db
    .select()
    .from(t.person)
    .where(and(eq(t.person.networkId, networkId), eq(t.person.lastName, 'Müller-Beispiel')));
  if (!jana) return;
  const actor = (await demoOffice(deps.db, networkId))!;
  const before = await personPrivacy(deps, actor, jana.id);
  if (before.consents.some((c) => c.purpose === 'photos')) return;
  await giveConsent(deps, actor, jana.id, {
    purpose: 'photos',
    givenVia: 'paper',
    textVersion: 'Fotos Bildungskonferenz 2026',
  });
  const mailing = before.consents.find((c) => c.purpose === 'mailing' && !c.withdrawnAt);
  if (mailing) await withdrawConsent(deps, actor, jana.id, mailing.id, 'email');
  await offerDueRecords(deps, networkId);
}
