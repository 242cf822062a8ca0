import type { ProjectDetail } from '../../../contracts/work-projects.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { describeFiles } from '../files/files.service.js';
import { authorize } from '../networks/networks.policy.js';
import * as repo from './projects.repository.js';
import { assertActive } from './projects.rules.js';
import { getProject, loadProject } from './projects.service.js';

/* A project's milestones, partners and documents: small lists the office keeps, the committee reads. */

const entityOf: Record<repo.PartKind, string> = {
  milestone: 'project_milestone',
  partner: 'project_partner',
  document: 'project_document',
};
const nounOf: Record<repo.PartKind, string> = {
  milestone: 'Meilenstein',
  partner: 'Partner',
  document: 'Dokument',
};

async function change(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  write: (tx: Parameters<Parameters<Deps['db']['transaction']>[0]>[0], p: repo.ProjectRow) => Promise<void>,
): Promise<ProjectDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { p } = await loadProject(tx, actor, projectId, true);
    assertActive(p.status);
    await write(tx, p);
  });
  return getProject(deps, actor, projectId);
}

export const addMilestone = (
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  input: { title: string; dueOn: string },
) =>
  change(deps, actor, projectId, async (tx, p) => {
    const row = await repo.insertMilestone(tx, { networkId: actor.networkId, projectId: p.id, ...input });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'project_milestone',
      entityId: row.id,
      summary: `Meilenstein „${row.title}“ im Projekt „${p.title}“ angelegt`,
      after: input,
    });
  });

export const setMilestoneReached = (
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  milestoneId: string,
  reachedOn: string | null,
) =>
  change(deps, actor, projectId, async (tx, p) => {
    const m = await repo.milestoneById(tx, p.id, milestoneId);
    if (!m) throw notFound('Der Meilenstein');
    await repo.setMilestoneReached(tx, m.id, reachedOn);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'project_milestone',
      entityId: m.id,
      summary: reachedOn
        ? `Meilenstein „${m.title}“ (Projekt „${p.title}“) erreicht`
        : `Meilenstein „${m.title}“ (Projekt „${p.title}“) wieder offen`,
      before: { reachedOn: m.reachedOn },
      after: { reachedOn },
    });
  });

export const addPartner = (
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  input: { name: string; role?: string },
) =>
  change(deps, actor, projectId, async (tx, p) => {
    const row = await repo.insertPartner(tx, {
      networkId: actor.networkId,
      projectId: p.id,
      name: input.name,
      role: input.role ?? '',
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'project_partner',
      entityId: row.id,
      summary: `Partner „${row.name}“ im Projekt „${p.title}“ eingetragen`,
      after: input,
    });
  });

/** Links a file of the network's file store (uploaded before, see the files module) to the project. */
export const addDocument = (
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  input: { fileId: string; title: string },
) =>
  change(deps, actor, projectId, async (tx, p) => {
    const files = await describeFiles(tx, actor.networkId, [input.fileId]);
    if (!files.has(input.fileId))
      throw new DomainError(
        'work.document_file',
        'Diese Datei gibt es in der Dateiablage des Bildungsnetzwerks nicht (mehr).',
        'invalid',
      );
    const row = await repo.insertDocument(tx, {
      networkId: actor.networkId,
      projectId: p.id,
      fileId: input.fileId,
      title: input.title,
      createdBy: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'project_document',
      entityId: row.id,
      summary: `Dokument „${row.title}“ zum Projekt „${p.title}“ hinzugefügt`,
      after: input,
    });
  });

export const removePart = (
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  kind: repo.PartKind,
  id: string,
) =>
  change(deps, actor, projectId, async (tx, p) => {
    const row = await repo.deletePart(tx, kind, p.id, id);
    if (!row) throw notFound(`Der ${nounOf[kind]}`);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: entityOf[kind],
      entityId: row.id,
      summary: `${nounOf[kind]} „${row.title ?? row.name}“ aus dem Projekt „${p.title}“ entfernt`,
      before: row,
    });
  });
