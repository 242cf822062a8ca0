import { notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDateTime, formatDay } from '../../lib/format.js';
import { auditActorOf, auditEntriesAbout, recordAudit } from '../audit/audit.service.js';
import { mailsTo } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import {
  committeeMembershipsOf,
  type DocBlock,
  guestInvitationsOf,
  renderPdf,
} from '../steering/steering.service.js';
import { personById } from './contacts.repository.js';
import * as repo from './privacy.repository.js';
import { secretsOf } from './privacy.rules.js';

/*
 * Access export (Art. 15 DSGVO): everything stored about a person, as JSON and as a tagged PDF.
 * Handing it out is itself recorded in the audit trail.
 */

export type PersonExport = Awaited<ReturnType<typeof collect>>;

async function collect(deps: Deps, networkId: string, personId: string) {
  const p = await personById(deps.db, networkId, personId);
  if (!p) throw notFound('Die Person');
  const [affiliations, fields, consents, lists, memberships, guests] = await Promise.all([
    repo.affiliationsOf(deps.db, p.id),
    repo.fieldsOf(deps.db, p.id),
    repo.consentsOf(deps.db, networkId, p.id),
    repo.staticListsOf(deps.db, p.id),
    committeeMembershipsOf(deps.db, networkId, p.id),
    guestInvitationsOf(deps.db, networkId, p.id),
  ]);
  const addresses = [p.email, ...guests.map((g) => g.email)].flatMap((e) => (e ? [e] : []));
  const mails = await mailsTo(deps.db, networkId, [...new Set(addresses)]);
  const audit = await auditEntriesAbout(
    deps.db,
    networkId,
    [p.id, ...guests.map((g) => g.id), ...consents.map((c) => c.id)],
    p.erasedAt ? [] : secretsOf([...addresses, `${p.firstName} ${p.lastName}`]),
  );
  return {
    exportedAt: deps.now().toISOString(),
    network: await repo.networkName(deps.db, networkId),
    person: {
      id: p.id,
      salutation: p.salutation,
      title: p.title,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      phone: p.phone,
      notes: p.notes,
      multiplier: p.multiplier,
      multiplierTopics: p.multiplierTopics,
      legalBasis: p.legalBasis,
      source: p.source,
      erasedAt: p.erasedAt?.toISOString() ?? null,
      lastActivityAt: p.lastActivityAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    },
    affiliations,
    fieldsOfAction: fields.map((f) => f.name),
    consents: consents.map((c) => ({
      purpose: c.purpose,
      givenAt: c.givenAt.toISOString(),
      givenVia: c.givenVia,
      textVersion: c.textVersion,
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      withdrawnVia: c.withdrawnVia,
    })),
    distributionLists: lists.map((l) => ({ name: l.name, addedAt: l.addedAt.toISOString() })),
    committeeMemberships: memberships,
    guestInvitations: guests.map((g) => ({
      meeting: g.meetingTitle,
      startsAt: g.startsAt.toISOString(),
      name: g.name,
      email: g.email,
      topic: g.topic,
      present: g.present,
    })),
    mails: mails.map((m) => ({
      to: m.toAddress,
      subject: m.subject,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    auditEntries: audit.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actorName,
      action: e.action,
      summary: e.summary,
    })),
  };
}

async function exported(deps: Deps, actor: NetworkActor, personId: string, format: 'JSON' | 'PDF') {
  authorize(actor.role, 'contacts.manage');
  const data = await collect(deps, actor.networkId, personId);
  await recordAudit(deps.db, auditActorOf(actor), {
    action: 'create',
    entityType: 'person',
    entityId: personId,
    summary: `Auskunft über gespeicherte Daten erstellt (${format})`,
  });
  return data;
}

export const personExportJson = (deps: Deps, actor: NetworkActor, personId: string) =>
  exported(deps, actor, personId, 'JSON');

const purposeLabel: Record<string, string> = {
  mailing: 'E-Mails über Verteiler',
  photos: 'Fotos',
  optional_data: 'freiwillige Angaben',
  health_data: 'Gesundheitsdaten',
};
const at = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : '–');

export async function personExportPdf(deps: Deps, actor: NetworkActor, personId: string) {
  const d = await exported(deps, actor, personId, 'PDF');
  const p = d.person;
  const name = [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
  const section = (title: string, items: string[]): DocBlock[] => [
    { type: 'h2', text: title },
    items.length > 0 ? { type: 'list', items } : { type: 'p', text: 'Keine Einträge.' },
  ];
  const blocks: DocBlock[] = [
    { type: 'h1', text: `Auskunft nach Art. 15 DSGVO: ${name}` },
    { type: 'meta', label: 'Bildungsnetzwerk', value: d.network },
    { type: 'meta', label: 'Stand', value: at(d.exportedAt) },
    { type: 'h2', text: 'Stammdaten' },
    { type: 'meta', label: 'Anrede', value: p.salutation === 'none' ? '–' : p.salutation },
    { type: 'meta', label: 'Name', value: name },
    { type: 'meta', label: 'E-Mail', value: p.email ?? '–' },
    { type: 'meta', label: 'Telefon', value: p.phone ?? '–' },
    { type: 'meta', label: 'Notizen', value: p.notes || '–' },
    {
      type: 'meta',
      label: 'Rechtsgrundlage',
      value:
        p.legalBasis === 'consent'
          ? 'Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)'
          : 'Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)',
    },
    {
      type: 'meta',
      label: 'Multiplikator/in',
      value: p.multiplier ? `ja (${p.multiplierTopics.join(', ') || 'ohne Themen'})` : 'nein',
    },
    { type: 'meta', label: 'Herkunft', value: String((p.source as { kind?: string }).kind ?? '–') },
    { type: 'meta', label: 'Angelegt', value: at(p.createdAt) },
    ...section(
      'Funktionen',
      d.affiliations.map(
        (a) => `${a.function || 'ohne Funktion'}, ${a.institution}${a.place ? ` (${a.place})` : ''}`,
      ),
    ),
    ...section('Handlungsfelder', d.fieldsOfAction),
    ...section(
      'Einwilligungen',
      d.consents.map(
        (c) =>
          `${purposeLabel[c.purpose] ?? c.purpose}: erteilt ${at(c.givenAt)} (${c.givenVia}, Fassung ${c.textVersion})${c.withdrawnAt ? `, widerrufen ${at(c.withdrawnAt)} (${c.withdrawnVia})` : ''}`,
      ),
    ),
    ...section(
      'Verteiler',
      d.distributionLists.map((l) => `${l.name} (seit ${at(l.addedAt)})`),
    ),
    ...section(
      'Lenkungskreis',
      d.committeeMemberships.map(
        (m) => `${m.name}: ${formatDay(m.termFrom)}${m.termTo ? ` bis ${formatDay(m.termTo)}` : ''}`,
      ),
    ),
    ...section(
      'Einladungen als Gast',
      d.guestInvitations.map((g) => `${g.meeting}, ${at(g.startsAt)}`),
    ),
    ...section(
      'E-Mails',
      d.mails.map((m) => `${at(m.createdAt)}: ${m.subject} (${m.status})`),
    ),
    ...section(
      'Protokoll der Änderungen',
      d.auditEntries.map((e) => `${at(e.at)}, ${e.actor ?? 'System'}: ${e.summary}`),
    ),
  ];
  return { pdf: await renderPdf(`Auskunft ${name}`, blocks, { pageNumbers: true }), name };
}
