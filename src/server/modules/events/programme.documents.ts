import type { Programme } from '../../../contracts/events-programme.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatWeekdayDate } from '../../lib/format.js';
import { authorize } from '../networks/networks.policy.js';
import { type DocBlock, renderPdf } from '../steering/steering.service.js';
import { shortTime } from './booking.rules.js';
import { visibleEvent } from './events.service.js';
import { getProgramme } from './programme.service.js';

/* The printable timetable of an event (tagged PDF): time slots, sessions with place and speakers. */

const kindLabel = { plenary: 'Plenum', workshop: 'Workshop', forum: 'Forum', break: 'Pause' } as const;

export function programmeBlocks(p: Programme, venue: string): DocBlock[] {
  const first = formatWeekdayDate(new Date(p.startsAt));
  const last = formatWeekdayDate(new Date(p.endsAt));
  // Over several days the date is a range and each slot names its day.
  const severalDays = first !== last;
  const blocks: DocBlock[] = [
    { type: 'h1', text: `Programm: ${p.title}` },
    { type: 'meta', label: 'Datum', value: severalDays ? `${first} bis ${last}` : first },
  ];
  if (venue) blocks.push({ type: 'meta', label: 'Ort', value: venue });
  if (p.slots.length === 0) blocks.push({ type: 'p', text: 'Das Programm ist noch nicht geplant.' });
  for (const slot of p.slots) {
    blocks.push({
      type: 'h2',
      text: `${severalDays ? `${formatWeekdayDate(new Date(slot.startsAt))}, ` : ''}${shortTime(new Date(slot.startsAt))} bis ${shortTime(new Date(slot.endsAt))} Uhr${
        slot.sessions.length > 1 ? ` (${slot.sessions.length} parallel)` : ''
      }`,
    });
    for (const s of slot.sessions) {
      blocks.push({ type: 'h3', text: s.title });
      const facts = [kindLabel[s.kind], s.place, s.capacity ? `${s.capacity} Plätze` : ''].filter(Boolean);
      blocks.push({ type: 'p', text: facts.join(' · ') });
      if (s.description) blocks.push({ type: 'p', text: s.description });
      const speakers = s.speakers.filter((sp) => sp.status !== 'declined');
      if (speakers.length)
        blocks.push({
          type: 'list',
          items: speakers.map((sp) => `${sp.name} (${sp.role === 'speaker' ? 'Vortrag' : 'Moderation'})`),
        });
    }
  }
  return blocks;
}

export async function programmePdf(deps: Deps, actor: NetworkActor, eventId: string) {
  authorize(actor.role, 'events.read');
  const ev = await visibleEvent(deps.db, actor, eventId);
  const p = await getProgramme(deps, actor, eventId);
  return {
    pdf: await renderPdf(`Programm ${ev.title}`, programmeBlocks(p, ev.venue), { pageNumbers: true }),
    title: ev.title,
  };
}
