import type { Advisor } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { berlinDay } from '../../lib/berlin-time.js';
import { officeStaffOf } from '../networks/networks.service.js';
import { membersOf } from './committee.repository.js';
import { inTermOn } from './committee.rules.js';
import { guestsOf, type MeetingRow } from './meetings.repository.js';

/**
 * Who can be heard in the meeting's rounds without counting: its guests, the committee's members
 * without a vote (the office side among them), and the office staff's accounts.
 */
export async function advisorsOf(db: Db, networkId: string, m: MeetingRow): Promise<Advisor[]> {
  const day = berlinDay(m.startsAt);
  const [guests, members, staff] = await Promise.all([
    guestsOf(db, m.id),
    membersOf(db, networkId),
    officeStaffOf(db, networkId),
  ]);
  const nonVoting = members.filter((x) => !x.voting && !x.deputyOf && inTermOn(x, day));
  // Staff who sit on the committee (the office side) speak once, as the member they are.
  const seated = new Set(nonVoting.flatMap((x) => [x.name.toLowerCase(), x.email?.toLowerCase()]));
  return [
    ...guests.map((g) => ({ kind: 'guest' as const, id: g.id, name: g.name, itemId: g.itemId })),
    ...nonVoting.map((x) => ({ kind: 'member' as const, id: x.id, name: x.name, itemId: null })),
    ...staff
      .filter((u) => !seated.has(u.name.toLowerCase()) && !seated.has(u.email.toLowerCase()))
      .map((u) => ({ kind: 'office' as const, id: u.userId, name: u.name, itemId: null })),
  ];
}
