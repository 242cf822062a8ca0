import { formatDateTime, formatTimeRange } from '../../lib/format.js';
import { type Sheet, sheetXlsx } from '../../lib/spreadsheet.js';
import { listName } from './checkin.rules.js';
import { type DayData, sessionMembers } from './checkin.service.js';

/* The lists of an event for Excel: participants, sessions, waiting lists. */

const statusLabel = {
  confirmed: 'bestätigt',
  waiting: 'Warteliste',
  offered: 'Platz angeboten',
  cancelled: 'abgesagt',
} as const;

export function participantsSheet(d: DayData): Sheet {
  const titles = new Map(d.sessions.map((s) => [s.id, s.title]));
  return {
    name: 'Teilnehmende',
    columns: [
      { header: 'Name', width: 28 },
      { header: 'Einrichtung', width: 32 },
      { header: 'Funktion', width: 24 },
      { header: 'Status', width: 16 },
      { header: 'Programmpunkte', width: 40 },
      { header: 'Eingelassen', width: 20 },
      { header: 'Ohne Anmeldung', width: 14 },
      { header: 'Ernährung', width: 24 },
      { header: 'Barrierefreiheit', width: 24 },
    ],
    rows: d.registrations.map((r) => {
      // Needs are personal data kept only with the person's consent; without it the export leaves them out.
      const needs = r.needsConsentAt !== null;
      return [
        listName(r),
        r.institution,
        r.function,
        r.cancelledAt ? statusLabel.cancelled : statusLabel[r.status],
        d.choices
          .filter((c) => c.registrationId === r.id && c.status === 'confirmed')
          .map((c) => titles.get(c.sessionId))
          .filter(Boolean)
          .join('; '),
        r.checkedInAt ? formatDateTime(r.checkedInAt) : '',
        r.walkIn ? 'ja' : '',
        needs ? (r.dietary ?? '') : '',
        needs ? (r.accessibility ?? '') : '',
      ];
    }),
  };
}

export function sessionsSheet(d: DayData): Sheet {
  return {
    name: 'Programmpunkte',
    columns: [
      { header: 'Titel', width: 40 },
      { header: 'Zeit', width: 22 },
      { header: 'Raum', width: 22 },
      { header: 'Plätze', width: 10 },
      { header: 'Bestätigt', width: 10 },
      { header: 'Warteliste', width: 10 },
      { header: 'Teilgenommen', width: 14 },
    ],
    rows: d.sessions
      .filter((s) => s.kind !== 'break')
      .map((s) => {
        const mine = d.choices.filter((c) => c.sessionId === s.id);
        return [
          s.title,
          formatTimeRange(s.startsAt, s.endsAt),
          s.roomName ?? s.place,
          s.capacity ?? '',
          sessionMembers(s, d.registrations, d.choices).length,
          mine.filter((c) => c.status === 'waiting').length,
          mine.filter((c) => c.attendedAt).length,
        ];
      }),
  };
}

export function waitingListsSheet(d: DayData): Sheet {
  const byId = new Map(d.registrations.map((r) => [r.id, r]));
  const order = (a: Date | null, b: Date | null) => (a?.getTime() ?? 0) - (b?.getTime() ?? 0);
  const rows: Sheet['rows'] = [];
  const eventList = d.registrations
    .filter((r) => r.status === 'waiting' && !r.cancelledAt)
    .sort((a, b) => order(a.waitingSince, b.waitingSince));
  eventList.forEach((r, i) => {
    rows.push([
      'Veranstaltung',
      i + 1,
      listName(r),
      r.institution,
      r.waitingSince ? formatDateTime(r.waitingSince) : '',
    ]);
  });
  for (const s of d.sessions) {
    const list = d.choices
      .filter((c) => c.sessionId === s.id && c.status === 'waiting' && byId.has(c.registrationId))
      .sort((a, b) => order(a.waitingSince, b.waitingSince));
    list.forEach((c, i) => {
      const r = byId.get(c.registrationId)!;
      rows.push([
        s.title,
        i + 1,
        listName(r),
        r.institution,
        c.waitingSince ? formatDateTime(c.waitingSince) : '',
      ]);
    });
  }
  return {
    name: 'Wartelisten',
    columns: [
      { header: 'Warteliste', width: 36 },
      { header: 'Platz', width: 8 },
      { header: 'Name', width: 28 },
      { header: 'Einrichtung', width: 32 },
      { header: 'Auf der Warteliste seit', width: 22 },
    ],
    rows,
  };
}

export const exportKinds = {
  participants: { sheet: participantsSheet, file: 'Teilnehmende' },
  sessions: { sheet: sessionsSheet, file: 'Programmpunkte' },
  'waiting-lists': { sheet: waitingListsSheet, file: 'Wartelisten' },
} as const;
export type ExportKind = keyof typeof exportKinds;

export const eventWorkbook = (d: DayData, kind: ExportKind) =>
  sheetXlsx(exportKinds[kind].sheet(d), `${exportKinds[kind].file} ${d.event.title}`);
