import type { ConsentChannel } from '../../../contracts/contacts.js';
import type {
  Consent,
  GiveConsentInput,
  PersonPrivacy,
  WithdrawalInfo,
} from '../../../contracts/contacts-privacy.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { linkForMail, openLink } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { personById } from './contacts.repository.js';
import { erasureBlockedBy } from './erasure.service.js';
import * as repo from './privacy.repository.js';
import { consentState, OBJECTION_TEXT_VERSION } from './privacy.rules.js';

/* Consents as given and withdrawn (never overwritten), and the withdrawal link in list mails. */

const purposeLabel: Record<string, string> = {
  mailing: 'E-Mails über Verteiler',
  photos: 'Fotos',
  optional_data: 'freiwillige Angaben',
  health_data: 'Gesundheitsdaten',
};

const consentOut = (c: repo.ConsentRecord): Consent => ({
  id: c.id,
  purpose: c.purpose,
  givenAt: c.givenAt.toISOString(),
  givenVia: c.givenVia,
  textVersion: c.textVersion,
  withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  withdrawnVia: c.withdrawnVia ?? null,
  objection: c.textVersion === OBJECTION_TEXT_VERSION && c.withdrawnAt?.getTime() === c.givenAt.getTime(),
});

async function loadPerson(deps: Deps, actor: NetworkActor, personId: string) {
  const p = await personById(deps.db, actor.networkId, personId);
  if (!p) throw notFound('Die Person');
  return p;
}

const erasedRefused = () =>
  new DomainError('contacts.person_erased', 'Diese Person wurde gelöscht (anonymisiert).', 'conflict');

export async function personPrivacy(
  deps: Deps,
  actor: NetworkActor,
  personId: string,
): Promise<PersonPrivacy> {
  authorize(actor.role, 'contacts.read');
  const p = await loadPerson(deps, actor, personId);
  const consents = await repo.consentsOf(deps.db, actor.networkId, p.id);
  return {
    personId: p.id,
    legalBasis: p.legalBasis,
    erasedAt: p.erasedAt?.toISOString() ?? null,
    erasureBlockedBy: p.erasedAt ? null : await erasureBlockedBy(deps.db, actor.networkId, p),
    consents: consents.map(consentOut),
  };
}

/** Records a consent as it was given (form, paper, mail, phone …). A new row, always. */
export async function giveConsent(
  deps: Deps,
  actor: NetworkActor,
  personId: string,
  input: GiveConsentInput,
): Promise<PersonPrivacy> {
  authorize(actor.role, 'contacts.manage');
  const now = deps.now();
  const givenAt = input.givenOn ? new Date(`${input.givenOn}T12:00:00Z`) : now;
  if (givenAt.getTime() > now.getTime() + 24 * 3600_000) {
    throw new DomainError(
      'contacts.consent_future',
      'Eine Einwilligung kann nicht in der Zukunft liegen.',
      'invalid',
    );
  }
  await deps.db.transaction(async (tx) => {
    const p = await personById(tx, actor.networkId, personId, true);
    if (!p) throw notFound('Die Person');
    if (p.erasedAt) throw erasedRefused();
    const c = await repo.insertConsent(tx, {
      networkId: actor.networkId,
      personId: p.id,
      purpose: input.purpose,
      givenAt,
      givenVia: input.givenVia,
      textVersion: input.textVersion,
      recordedBy: actor.userId,
    });
    await repo.touchPerson(tx, p.id, now);
    // Art. 7(3) DSGVO: the person learns of the consent and that withdrawing is one click away.
    if (input.purpose === 'mailing' && p.email) {
      const link = await linkForMail(tx, {
        networkId: actor.networkId,
        purpose: 'consent_withdrawal',
        personId: p.id,
        expiresAt: new Date(now.getTime() + 365 * 24 * 3600_000),
      });
      const network = await repo.networkName(tx, actor.networkId);
      const name = [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
      await enqueueMail(tx, {
        networkId: actor.networkId,
        to: p.email,
        toName: name,
        subject: `Ihre Einwilligung: E-Mails von „${network}“`,
        text: [
          `Guten Tag ${name},`,
          '',
          `„${network}“ hat Ihre Einwilligung erfasst, Ihnen E-Mails über seine Verteiler zu schicken (Fassung „${input.textVersion}“).`,
          '',
          `Sie können die Einwilligung jederzeit mit einem Klick widerrufen: ${link}`,
          '',
          'Der Link gilt ein Jahr; jede E-Mail über einen Verteiler enthält einen neuen.',
        ].join('\n'),
      });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'consent',
      entityId: c.id,
      summary: `Einwilligung „${purposeLabel[input.purpose]}“ erfasst (${input.textVersion})`,
      after: {
        personId: p.id,
        purpose: input.purpose,
        givenVia: input.givenVia,
        textVersion: input.textVersion,
      },
    });
  });
  return personPrivacy(deps, actor, personId);
}

/** A withdrawal fills the row's withdrawn_at/-via; it is never undone (giving again is a new row). */
export async function withdrawConsent(
  deps: Deps,
  actor: NetworkActor,
  personId: string,
  consentId: string,
  via: ConsentChannel,
): Promise<PersonPrivacy> {
  authorize(actor.role, 'contacts.manage');
  await deps.db.transaction(async (tx) => {
    const p = await personById(tx, actor.networkId, personId, true);
    if (!p) throw notFound('Die Person');
    const c = await repo.consentById(tx, actor.networkId, p.id, consentId);
    if (!c) throw notFound('Die Einwilligung');
    if (c.withdrawnAt) {
      throw new DomainError(
        'contacts.consent_withdrawn',
        'Diese Einwilligung ist bereits widerrufen.',
        'conflict',
      );
    }
    const now = deps.now();
    await repo.markWithdrawn(tx, c.id, now, via);
    await repo.touchPerson(tx, p.id, now);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'consent',
      entityId: c.id,
      summary: `Einwilligung „${purposeLabel[c.purpose]}“ widerrufen`,
      before: { withdrawnAt: null },
      after: { personId: p.id, withdrawnVia: via },
    });
  });
  return personPrivacy(deps, actor, personId);
}

// ---- the withdrawal link ("Keine weiteren E-Mails") -------------------------------------------------

async function linkedPerson(deps: Deps, token: string) {
  const link = await openLink(deps.db, 'consent_withdrawal', token, 'Der Link', deps.now());
  if (!link.personId) throw notFound('Der Link');
  const p = await personById(deps.db, link.networkId, link.personId);
  if (!p || p.erasedAt) {
    throw new DomainError('links.revoked', 'Dieser persönliche Link gilt nicht mehr.', 'gone');
  }
  return { link, p };
}

export async function withdrawalInfo(deps: Deps, token: string): Promise<WithdrawalInfo> {
  const { link, p } = await linkedPerson(deps, token);
  const consents = await repo.consentsOf(deps.db, link.networkId, p.id);
  return {
    networkName: await repo.networkName(deps.db, link.networkId),
    personName: [p.title, p.firstName, p.lastName].filter(Boolean).join(' '),
    withdrawn: consentState(consents, 'mailing') === 'withdrawn',
  };
}

/**
 * One click, no account: withdraws the person's current mailing consent, or records the objection as
 * a withdrawn mailing consent (given_at = withdrawn_at) when there was none. Either way the person is
 * off every distribution list at once. Clicking again changes nothing.
 */
export async function withdrawThroughLink(deps: Deps, token: string): Promise<WithdrawalInfo> {
  const { link } = await linkedPerson(deps, token);
  await deps.db.transaction(async (tx) => {
    const p = await personById(tx, link.networkId, link.personId!, true);
    if (!p || p.erasedAt) throw notFound('Der Link');
    const consents = await repo.consentsOf(tx, link.networkId, p.id);
    const state = consentState(consents, 'mailing');
    if (state === 'withdrawn') return;
    const now = deps.now();
    const actor = { userId: null, name: 'über persönlichen Link', networkId: link.networkId };
    const open = consents.filter((c) => c.purpose === 'mailing' && !c.withdrawnAt);
    for (const c of open) await repo.markWithdrawn(tx, c.id, now, 'link');
    let entityId = open[0]?.id;
    if (open.length === 0) {
      const c = await repo.insertConsent(tx, {
        networkId: link.networkId,
        personId: p.id,
        purpose: 'mailing',
        givenAt: now,
        givenVia: 'link',
        textVersion: OBJECTION_TEXT_VERSION,
        withdrawnAt: now,
        withdrawnVia: 'link',
      });
      entityId = c.id;
    }
    await repo.touchPerson(tx, p.id, now);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'consent',
      entityId: entityId!,
      summary:
        open.length > 0
          ? 'Einwilligung „E-Mails über Verteiler“ über persönlichen Link widerrufen'
          : 'Widerspruch gegen E-Mails über Verteiler über persönlichen Link erfasst',
      after: { personId: p.id, withdrawnVia: 'link' },
    });
  });
  return withdrawalInfo(deps, token);
}
