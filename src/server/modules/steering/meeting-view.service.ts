import type { AgendaItem, MeetingDetail } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { fieldNames } from '../contract/contract.service.js';
import { describeFiles } from '../files/files.service.js';
import { authorize, can } from '../networks/networks.policy.js';
import { advisorsOf } from './advisors.service.js';
import type { ItemRow } from './agenda.repository.js';
import { itemsOf, papersWithVersions } from './agenda.repository.js';
import { numberAgenda } from './agenda.rules.js';
import { attendanceOf, guestsOf } from './meetings.repository.js';
import { meetingActions } from './meetings.rules.js';
import { loadMeeting, meetingDto, minutesStatusOf, visibleItemIds } from './meetings.service.js';

/*
 * A meeting as its readers see it: the agenda with TOP numbers, papers and fields of action; guests and
 * attendance for the committee and the office; a guest sees only the items they are invited to.
 */

const itemDto = (
  i: ItemRow,
  number: number,
  papers: AgendaItem['papers'],
  fieldName: string | null,
): AgendaItem => ({
  id: i.id,
  number,
  title: i.title,
  kind: i.kind,
  decisionType: i.decisionType,
  public: i.public,
  fieldId: i.fieldId,
  fieldName,
  proposal: i.proposal,
  presenter: i.presenter,
  durationMinutes: i.durationMinutes,
  status: i.status,
  movedFrom: i.movedFrom,
  approvesMinutesOf: i.approvesMinutesOf,
  papers,
});

async function papersOf(db: Db, networkId: string, itemIds: string[]) {
  const out = new Map<string, AgendaItem['papers']>();
  if (itemIds.length === 0) return out;
  const rows = await papersWithVersions(db, itemIds);
  const files = await describeFiles(
    db,
    networkId,
    rows.map((r) => r.v.fileId),
  );
  for (const { p, v } of rows) {
    const list = out.get(p.itemId) ?? [];
    let entry = list.find((x) => x.id === p.id);
    if (!entry) {
      entry = { id: p.id, title: p.title, versions: [] };
      list.push(entry);
    }
    entry.versions.push({
      version: v.version,
      fileId: v.fileId,
      name: files.get(v.fileId)?.name ?? '',
      createdAt: v.createdAt.toISOString(),
    });
    out.set(p.itemId, list);
  }
  return out;
}

const actionsDto = (a: ReturnType<typeof meetingActions>) => ({
  ...a,
  opensAt: a.opensAt?.toISOString() ?? null,
});

export async function getMeeting(deps: Deps, actor: NetworkActor, meetingId: string): Promise<MeetingDetail> {
  authorize(actor.role, 'meetings.read');
  const m = await loadMeeting(deps.db, actor, meetingId);
  const visible = await visibleItemIds(deps.db, actor, meetingId);
  const numbered = numberAgenda(await itemsOf(deps.db, m.id));
  const shown = numbered.filter(({ item }) => visible === 'all' || visible.has(item.id));
  const papers = await papersOf(
    deps.db,
    actor.networkId,
    shown.map(({ item }) => item.id),
  );
  const names = await fieldNames(
    deps.db,
    actor.networkId,
    shown.map(({ item }) => item.fieldId).filter((x): x is string => !!x),
  );
  const isGuest = actor.role === 'guest';
  const manage = can(actor.role, 'steering.manage');
  const [guests, att] = await Promise.all([
    isGuest ? Promise.resolve([]) : guestsOf(deps.db, m.id),
    isGuest ? Promise.resolve([]) : attendanceOf(deps.db, m.id),
  ]);
  return {
    ...meetingDto(m, (await minutesStatusOf(deps.db, [m])).get(m.id) ?? null),
    items: shown.map(({ item, number }) =>
      itemDto(
        item,
        number,
        papers.get(item.id) ?? [],
        item.fieldId ? (names.get(item.fieldId) ?? null) : null,
      ),
    ),
    guests: guests.map((g) => ({
      id: g.id,
      name: g.name,
      email: g.email,
      topic: g.topic,
      itemId: g.itemId,
      present: g.present,
    })),
    attendance: att.map((a) => ({ memberId: a.memberId, status: a.status, deputyId: a.deputyId })),
    viewerIsGuest: isGuest,
    actions: actionsDto(meetingActions(m.status, m.startsAt, deps.now(), manage)),
    advisors: manage && m.status === 'held' ? await advisorsOf(deps.db, actor.networkId, m) : [],
  };
}
