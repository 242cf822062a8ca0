import type { MeetingDetail } from '../../../contracts/steering.js';
import { notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { membersOf } from './committee.repository.js';
import { assertRepresentedByOwnDeputy } from './committee.rules.js';
import { getMeeting } from './meeting-view.service.js';
import { upsertAttendance } from './meetings.repository.js';
import { assertRecording } from './meetings.rules.js';
import { loadMeeting } from './meetings.service.js';

/* Attendance in an opened meeting: present, represented by the own deputy, excused or absent. */

export async function recordAttendance(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  entries: Array<{
    memberId: string;
    status: 'present' | 'represented' | 'excused' | 'absent';
    deputyId: string | null;
  }>,
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertRecording(m.status);
    const members = await membersOf(tx, actor.networkId);
    const byId = new Map(members.map((x) => [x.id, x]));
    for (const e of entries) {
      const member = byId.get(e.memberId);
      if (!member) throw notFound('Das Mitglied');
      if (e.status === 'represented') {
        assertRepresentedByOwnDeputy(member, e.deputyId ? byId.get(e.deputyId) : undefined);
      }
      await upsertAttendance(tx, {
        networkId: actor.networkId,
        meetingId: m.id,
        memberId: e.memberId,
        status: e.status,
        deputyId: e.status === 'represented' ? e.deputyId : null,
      });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'attendance',
      entityId: m.id,
      summary: `Anwesenheit in „${m.title}“ erfasst`,
      after: entries,
    });
  });
  return getMeeting(deps, actor, meetingId);
}
