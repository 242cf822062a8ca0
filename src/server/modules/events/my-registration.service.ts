import QRCode from 'qrcode';
import type { MyRegistration, RegistrationChange } from '../../../contracts/events-registration.js';
import { RegistrationChange as ChangeSchema } from '../../../contracts/events-registration.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { openLink } from '../links/links.service.js';
import { type EventRow, eventRow } from './events.repository.js';
import { waitingPosition } from './places.rules.js';
import {
  cancelRows,
  choiceViews,
  mailTo,
  placeChoices,
  placesOf,
  sessionOptions,
  settleEvent,
  validChoices,
} from './places.service.js';
import * as repo from './registration.repository.js';
import { type AuditWho, cancelIn, head, publicWho } from './registration.service.js';

/* The personal registration page behind its link: the view, changes, the cancellation, offers. */

async function registrationOfToken(deps: Deps, token: string) {
  const link = await openLink(deps.db, 'registration', token, 'Die Anmeldung', deps.now());
  const reg = link.registrationId
    ? await repo.registrationById(deps.db, link.networkId, link.registrationId)
    : undefined;
  if (!reg || reg.anonymisedAt) throw notFound('Die Anmeldung');
  return reg;
}

/** Runs a change of a registration behind its link with the event locked and offers settled. */
async function withRegistration<T>(
  deps: Deps,
  token: string,
  fn: (tx: Db, ev: EventRow, reg: repo.RegistrationRecord, now: Date) => Promise<T>,
): Promise<T> {
  const reg0 = await registrationOfToken(deps, token);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const ev = (await eventRow(tx, reg0.networkId, reg0.eventId, { lock: true }))!;
    await repo.lockSessions(tx, ev.id);
    await settleEvent(tx, deps, ev, now);
    const reg = (await repo.registrationById(tx, reg0.networkId, reg0.id))!;
    return fn(tx, ev, reg, now);
  });
}

async function myView(
  deps: Deps,
  tx: Db,
  ev: EventRow,
  regId: string,
  token: string,
): Promise<MyRegistration> {
  const p = await placesOf(tx, ev);
  const reg = p.regs.find((r) => r.id === regId)!;
  const qrUrl = `${deps.config.baseUrl}/veranstaltung/anmeldung/${token}`;
  const qrSvg = await QRCode.toString(qrUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    event: head(ev, await repo.networkName(tx, ev.networkId)),
    sessions: sessionOptions(p),
    registration: {
      id: reg.id,
      firstName: reg.firstName,
      lastName: reg.lastName,
      email: reg.email,
      institution: reg.institution,
      function: reg.function,
      needsConsent: reg.needsConsentAt !== null,
      dietary: reg.dietary ?? '',
      accessibility: reg.accessibility ?? '',
      photoConsent: reg.photoConsent,
      status: reg.status,
      waitingPosition: waitingPosition(p.eventPlaces, reg.id),
      offerExpiresAt: reg.offerExpiresAt?.toISOString() ?? null,
      checkedIn: reg.checkedInAt !== null,
    },
    choices: choiceViews(p, reg.id),
    qrUrl,
    qrSvg,
    changeable: reg.status !== 'cancelled' && ev.endsAt > deps.now() && !ev.cancelledAt,
  };
}

const who = (reg: repo.RegistrationRecord): AuditWho =>
  publicWho(reg.networkId, `${reg.firstName} ${reg.lastName} (persönlicher Link)`);

export const myRegistration = (deps: Deps, token: string) =>
  withRegistration(deps, token, (tx, ev, reg) => myView(deps, tx, ev, reg.id, token));

function mustBeChangeable(ev: EventRow, reg: repo.RegistrationRecord, now: Date) {
  if (reg.status === 'cancelled')
    throw new DomainError(
      'registration.cancelled',
      'Sie sind von dieser Veranstaltung abgemeldet.',
      'conflict',
    );
  if (ev.endsAt <= now || ev.cancelledAt)
    throw new DomainError('registration.over', 'Die Veranstaltung ist vorbei oder abgesagt.', 'conflict');
}

export async function changeMyRegistration(deps: Deps, token: string, raw: RegistrationChange) {
  const input = ChangeSchema.parse(raw);
  return withRegistration(deps, token, async (tx, ev, reg, now) => {
    mustBeChangeable(ev, reg, now);
    const p = await placesOf(tx, ev);
    validChoices(p.sessions, input.choices);
    const mine = p.choiceRows.filter((c) => c.choice.registrationId === reg.id).map((c) => c.choice);
    const keep = new Set(input.choices);
    await repo.deleteChoices(
      tx,
      reg.id,
      mine.filter((c) => !keep.has(c.sessionId)).map((c) => c.sessionId),
    );
    const had = new Map(mine.map((c) => [c.sessionId, c]));
    const fresh = [];
    for (const [i, sessionId] of input.choices.entries()) {
      const old = had.get(sessionId);
      if (old && old.status !== 'cancelled') await repo.updateChoice(tx, old.id, { priority: i + 1 });
      else {
        if (old) await repo.deleteChoices(tx, reg.id, [sessionId]);
        fresh.push({
          networkId: reg.networkId,
          registrationId: reg.id,
          sessionId,
          priority: i + 1,
          status: 'waiting' as const,
        });
      }
    }
    await repo.insertChoices(tx, fresh);
    if (reg.status === 'confirmed') await placeChoices(tx, ev, reg.id, now);
    const needs = input.needsConsent && (input.dietary !== '' || input.accessibility !== '');
    await repo.updateRegistration(
      tx,
      reg.id,
      {
        dietary: needs ? input.dietary || null : null,
        accessibility: needs ? input.accessibility || null : null,
        needsConsentAt: needs ? (reg.needsConsentAt ?? now) : null,
        photoConsent: input.photoConsent,
      },
      now,
    );
    await settleEvent(tx, deps, ev, now);
    await recordAudit(tx, who(reg), {
      action: 'update',
      entityType: 'registration',
      entityId: reg.id,
      summary: `Anmeldung zu „${ev.title}“ geändert: ${reg.firstName} ${reg.lastName}`,
      after: { choices: input.choices.length, needs, photoConsent: input.photoConsent },
    });
    return myView(deps, tx, ev, reg.id, token);
  });
}

export const cancelMyRegistration = (deps: Deps, token: string) =>
  withRegistration(deps, token, async (tx, ev, reg, now) => {
    mustBeChangeable(ev, reg, now);
    await cancelIn(tx, deps, ev, reg, now, who(reg));
    return myView(deps, tx, ev, reg.id, token);
  });

/** Accepts or declines every open offer of the registration (for the event and for sessions). */
export const answerOffer = (deps: Deps, token: string, accept: boolean) =>
  withRegistration(deps, token, async (tx, ev, reg, now) => {
    mustBeChangeable(ev, reg, now);
    const p = await placesOf(tx, ev);
    const offeredChoices = p.choiceRows.filter(
      (c) => c.choice.registrationId === reg.id && c.choice.status === 'offered',
    );
    if (reg.status !== 'offered' && offeredChoices.length === 0)
      throw new DomainError(
        'registration.no_offer',
        'Es liegt kein Angebot vor – es ist vielleicht abgelaufen. Ihr Stand ist unten zu sehen.',
        'conflict',
      );
    if (reg.status === 'offered') {
      if (accept) {
        await repo.updateRegistration(
          tx,
          reg.id,
          { status: 'confirmed', offerExpiresAt: null, waitingSince: null },
          now,
        );
        await placeChoices(tx, ev, reg.id, now);
      } else {
        await cancelRows(tx, reg.id, now);
      }
    }
    for (const { choice } of offeredChoices)
      await repo.updateChoice(tx, choice.id, {
        status: accept ? 'confirmed' : 'cancelled',
        offerExpiresAt: null,
      });
    await recordAudit(tx, who(reg), {
      action: 'update',
      entityType: 'registration',
      entityId: reg.id,
      summary: `${accept ? 'Angebot angenommen' : 'Angebot abgelehnt'} („${ev.title}“): ${reg.firstName} ${reg.lastName}`,
      after: { accepted: accept, event: reg.status === 'offered', sessions: offeredChoices.length },
    });
    await mailTo(tx, deps, ev, reg.id, accept ? 'accepted' : 'declined');
    await settleEvent(tx, deps, ev, now);
    return myView(deps, tx, ev, reg.id, token);
  });
