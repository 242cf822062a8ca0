import type {
  RetentionCase,
  RetentionOverview,
  RetentionRecordType,
  RetentionRule,
} from '../../../contracts/contacts-privacy.js';
import { retentionRecordTypes } from '../../../contracts/contacts-privacy.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDate } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { deleteMails, mailsById, oldMails } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { erasePersonIn } from './erasure.service.js';
import * as repo from './privacy.repository.js';
import { defaultRetentionMonths, monthsBefore } from './privacy.rules.js';

/*
 * Retention periods per record type and the clean-up: a job offers records whose period has passed to
 * the archive (Archivgesetz NRW: public bodies offer records to the archive before destroying them);
 * the office exports them for the archive or declines, and only then deletes. Each step is audited.
 */

const typeLabel: Record<RetentionRecordType, string> = {
  inactive_person: 'Person ohne Aktivität',
  withdrawn_person: 'Person mit widerrufener Einwilligung',
  outbox_mail: 'E-Mail im Postausgang',
  contact_import: 'Import',
};

async function rulesOf(deps: Deps, networkId: string): Promise<RetentionRule[]> {
  const stored = new Map(
    (await repo.retentionRulesOf(deps.db, networkId)).map((r) => [r.recordType, r.months]),
  );
  return retentionRecordTypes.map((recordType) => ({
    recordType,
    months: stored.get(recordType) ?? defaultRetentionMonths[recordType],
  }));
}

async function labelled(deps: Deps, networkId: string): Promise<RetentionCase[]> {
  const cases = await repo.openCases(deps.db, networkId);
  const idsOf = (t: RetentionRecordType) => cases.filter((c) => c.recordType === t).map((c) => c.recordId);
  const [people, mails, imports] = await Promise.all([
    repo.peopleById(deps.db, networkId, [...idsOf('inactive_person'), ...idsOf('withdrawn_person')]),
    mailsById(deps.db, networkId, idsOf('outbox_mail')),
    repo.importsById(deps.db, networkId, idsOf('contact_import')),
  ]);
  const labels = new Map<string, string>([
    ...people.map((p): [string, string] => [
      p.id,
      [p.title, p.firstName, p.lastName].filter(Boolean).join(' '),
    ]),
    ...mails.map((m): [string, string] => [
      m.id,
      `„${m.subject}“ an ${m.toAddress}, ${formatDate(m.createdAt)}`,
    ]),
    ...imports.map((i): [string, string] => [i.id, `${i.fileName}, ${formatDate(i.createdAt)}`]),
  ]);
  return cases.map((c) => ({
    id: c.id,
    recordType: c.recordType,
    recordId: c.recordId,
    label: labels.get(c.recordId) ?? typeLabel[c.recordType],
    offeredAt: c.offeredAt.toISOString(),
    exportedAt: c.exportedAt?.toISOString() ?? null,
    declinedAt: c.declinedAt?.toISOString() ?? null,
  }));
}

export async function retentionOverview(deps: Deps, actor: NetworkActor): Promise<RetentionOverview> {
  authorize(actor.role, 'contacts.manage');
  return { rules: await rulesOf(deps, actor.networkId), due: await labelled(deps, actor.networkId) };
}

export async function saveRetentionRules(
  deps: Deps,
  actor: NetworkActor,
  rules: RetentionRule[],
): Promise<RetentionOverview> {
  authorize(actor.role, 'contacts.manage');
  const before = await rulesOf(deps, actor.networkId);
  await deps.db.transaction(async (tx) => {
    for (const r of rules)
      await repo.upsertRetentionRule(tx, actor.networkId, r.recordType, r.months, deps.now());
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'retention_rule',
      entityId: actor.networkId,
      summary: 'Aufbewahrungsfristen geändert',
      before,
      after: rules,
    });
  });
  return retentionOverview(deps, actor);
}

/**
 * Offers every record whose period has passed (all networks, or one). Idempotent and safe with several
 * app instances: an open offer per record is unique in the database (ON CONFLICT DO NOTHING).
 */
export async function offerDueRecords(deps: Deps, networkId?: string): Promise<{ offered: number }> {
  const now = deps.now();
  let offered = 0;
  for (const id of networkId ? [networkId] : await repo.allNetworkIds(deps.db)) {
    const months = new Map((await rulesOf(deps, id)).map((r) => [r.recordType, r.months]));
    const cut = (t: RetentionRecordType) => monthsBefore(now, months.get(t)!);
    const due: Record<RetentionRecordType, string[]> = {
      inactive_person: (await repo.inactivePeople(deps.db, id, cut('inactive_person'))).map((r) => r.id),
      withdrawn_person: (await repo.withdrawnPeople(deps.db, id, cut('withdrawn_person'))).map((r) => r.id),
      outbox_mail: (await oldMails(deps.db, id, cut('outbox_mail'))).map((r) => r.id),
      contact_import: (await repo.oldImports(deps.db, id, cut('contact_import'))).map((r) => r.id),
    };
    // A person both inactive and withdrawn is offered once, for the shorter period.
    const withdrawn = new Set(due.withdrawn_person);
    due.inactive_person = due.inactive_person.filter((p) => !withdrawn.has(p));
    const n = await deps.db.transaction(async (tx) => {
      let count = 0;
      for (const t of retentionRecordTypes) count += await repo.offerCases(tx, id, t, due[t], now);
      if (count > 0) {
        await recordAudit(
          tx,
          { userId: null, name: 'Aufbewahrungsfristen', networkId: id },
          {
            action: 'create',
            entityType: 'retention_case',
            entityId: id,
            summary: `${count} ${count === 1 ? 'Datensatz' : 'Datensätze'} nach Ablauf der Aufbewahrungsfrist dem Archiv angeboten`,
          },
        );
      }
      return count;
    });
    offered += n;
  }
  return { offered };
}

export async function runRetentionNow(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'contacts.manage');
  return offerDueRecords(deps, actor.networkId);
}

/** The scheduled clean-up: offers due records every few hours (never deletes on its own). */
export function startRetentionJobs(
  deps: Deps,
  log: { error(o: object, m: string): void },
  intervalMs = 6 * 3600_000,
) {
  const timer = setInterval(() => {
    offerDueRecords(deps).catch((err) => log.error({ err }, 'retention job failed'));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** The archive's copy of every open offer (JSON); marks them exported. */
export async function exportForArchive(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'contacts.manage');
  const cases = await repo.openCases(deps.db, actor.networkId);
  const idsOf = (...t: RetentionRecordType[]) =>
    cases.filter((c) => t.includes(c.recordType)).map((c) => c.recordId);
  const people = await repo.peopleById(
    deps.db,
    actor.networkId,
    idsOf('inactive_person', 'withdrawn_person'),
  );
  const records = {
    exportedAt: deps.now().toISOString(),
    network: await repo.networkName(deps.db, actor.networkId),
    people: await Promise.all(
      people.map(async (p) => ({
        id: p.id,
        salutation: p.salutation,
        title: p.title,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        phone: p.phone,
        legalBasis: p.legalBasis,
        source: p.source,
        createdAt: p.createdAt.toISOString(),
        lastActivityAt: p.lastActivityAt?.toISOString() ?? null,
        affiliations: await repo.affiliationsOf(deps.db, p.id),
        consents: (await repo.consentsOf(deps.db, actor.networkId, p.id)).map((c) => ({
          purpose: c.purpose,
          givenAt: c.givenAt.toISOString(),
          givenVia: c.givenVia,
          textVersion: c.textVersion,
          withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
        })),
      })),
    ),
    mails: (await mailsById(deps.db, actor.networkId, idsOf('outbox_mail'))).map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: m.textBody,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
    })),
    imports: (await repo.importsById(deps.db, actor.networkId, idsOf('contact_import'))).map((i) => ({
      id: i.id,
      fileName: i.fileName,
      summary: i.summary,
      createdAt: i.createdAt.toISOString(),
    })),
  };
  await deps.db.transaction(async (tx) => {
    await repo.updateCases(
      tx,
      cases.map((c) => c.id),
      { exportedAt: deps.now(), decidedBy: actor.userId },
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'retention_case',
      entityId: actor.networkId,
      summary: `${cases.length} ${cases.length === 1 ? 'Datensatz' : 'Datensätze'} für das Archiv exportiert`,
    });
  });
  return records;
}

export async function declineArchive(
  deps: Deps,
  actor: NetworkActor,
  caseId: string,
): Promise<RetentionOverview> {
  authorize(actor.role, 'contacts.manage');
  await deps.db.transaction(async (tx) => {
    const c = await repo.caseById(tx, actor.networkId, caseId);
    if (!c) throw notFound('Der Eintrag');
    await repo.updateCases(tx, [c.id], { declinedAt: deps.now(), decidedBy: actor.userId });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'retention_case',
      entityId: c.id,
      summary: `Archiv hat kein Interesse: ${typeLabel[c.recordType]} zur Löschung freigegeben`,
    });
  });
  return retentionOverview(deps, actor);
}

/** Deletes an offered record: only after it went to the archive or the archive declined it. */
export async function deleteDueRecord(
  deps: Deps,
  actor: NetworkActor,
  caseId: string,
): Promise<RetentionOverview> {
  authorize(actor.role, 'contacts.manage');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const c = await repo.caseById(tx, actor.networkId, caseId);
    if (!c) throw notFound('Der Eintrag');
    if (!c.exportedAt && !c.declinedAt) {
      throw new DomainError(
        'contacts.retention_not_offered',
        'Bitte exportieren Sie den Datensatz zuerst für das Archiv oder vermerken Sie, dass das Archiv ihn nicht übernimmt.',
        'conflict',
      );
    }
    const audit = { ...auditActorOf(actor), networkId: actor.networkId };
    if (c.recordType === 'inactive_person' || c.recordType === 'withdrawn_person') {
      const [p] = await repo.peopleById(tx, actor.networkId, [c.recordId]);
      if (p && !p.erasedAt) await erasePersonIn(tx, audit, p, 'Aufbewahrungsfrist abgelaufen', now);
    } else {
      if (c.recordType === 'outbox_mail') await deleteMails(tx, actor.networkId, [c.recordId]);
      else await repo.deleteImport(tx, actor.networkId, c.recordId);
      await recordAudit(tx, audit, {
        action: 'delete',
        entityType: c.recordType,
        entityId: c.recordId,
        summary: `${typeLabel[c.recordType]} nach Ablauf der Aufbewahrungsfrist gelöscht`,
      });
    }
    await repo.updateCases(tx, [c.id], { closedAt: now });
  });
  return retentionOverview(deps, actor);
}
