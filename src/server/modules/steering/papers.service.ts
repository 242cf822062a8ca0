import type { MeetingDetail } from '../../../contracts/steering.js';
import { notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { uploadFile } from '../files/files.service.js';
import { authorize } from '../networks/networks.policy.js';
import * as repo from './agenda.repository.js';
import { loadItem } from './agenda.service.js';
import { getMeeting } from './meeting-view.service.js';
import { loadMeeting, visibleItemIds } from './meetings.service.js';

/* Papers of agenda items: versioned files, visible to whoever may see the item. */

export async function addPaper(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
  input: { title: string; paperId: string | null; fileName: string; content: Buffer },
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    await loadMeeting(tx, actor, meetingId, true);
    const item = await loadItem(tx, actor, meetingId, itemId);
    // Papers are served through their item, so the file itself is visible to the office only.
    const file = await uploadFile(
      deps,
      actor,
      { fileName: input.fileName, content: input.content, visibility: 'office' },
      tx,
    );
    let paperId = input.paperId;
    let version = 1;
    if (paperId) {
      const p = await repo.paperOfItem(tx, paperId, item.id);
      if (!p) throw notFound('Die Vorlage');
      version = (await repo.lastPaperVersion(tx, p.id)) + 1;
    } else {
      const p = await repo.insertPaper(tx, {
        networkId: actor.networkId,
        itemId: item.id,
        title: input.title,
      });
      paperId = p.id;
    }
    await repo.insertPaperVersion(tx, { networkId: actor.networkId, paperId, version, fileId: file.id });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'paper',
      entityId: paperId,
      summary: `Vorlage „${input.title}“ (Fassung ${version}) zu TOP „${item.title}“`,
      after: { title: input.title, version, fileId: file.id, sha512: file.sha512 },
    });
  });
  return getMeeting(deps, actor, meetingId);
}

/** The file of a paper version, if the actor may see the item; otherwise "not found". */
export async function openPaper(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
  paperId: string,
  version: number,
) {
  authorize(actor.role, 'meetings.read');
  await loadMeeting(deps.db, actor, meetingId);
  const visible = await visibleItemIds(deps.db, actor, meetingId);
  if (visible !== 'all' && !visible.has(itemId)) throw notFound('Die Vorlage');
  const fileId = await repo.paperVersionFile(deps.db, actor.networkId, {
    meetingId,
    itemId,
    paperId,
    version,
  });
  if (!fileId) throw notFound('Die Vorlage');
  return fileId;
}
