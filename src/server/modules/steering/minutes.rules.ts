import type { MinutesContent, MinutesInput } from '../../../contracts/steering.js';
import type { MeetingStatus } from './meetings.rules.js';

/*
 * The rules of the minutes, free of the database: which version may circulate, which may be approved,
 * when members may ask for corrections, and how an edit joins what was recorded in the meeting.
 */

export type VersionState = { version: number; status: 'draft' | 'circulated' | 'approved' };

export type Refusal = { code: string; message: string };

/**
 * Approval approves exactly the version the members received: the newest version must be the one in
 * circulation. An edit after circulation is a new draft that needs its own circulation first.
 * `versions` are newest first.
 */
export function approvalRefusal(status: MeetingStatus, versions: VersionState[]): Refusal | null {
  const latest = versions[0];
  if (status === 'minutes_approved') {
    return { code: 'steering.minutes_frozen', message: 'Die Niederschrift ist bereits genehmigt.' };
  }
  if (!latest || status !== 'minutes_drafted') {
    return {
      code: 'steering.minutes_not_draft',
      message: 'Zu dieser Sitzung liegt keine Niederschrift zur Genehmigung vor.',
    };
  }
  if (latest.status === 'draft') {
    const earlier = versions.find((v) => v.status === 'circulated');
    return {
      code: 'steering.minutes_not_circulated',
      message: earlier
        ? `Fassung ${latest.version} wurde nach dem Umlauf von Fassung ${earlier.version} geändert und noch nicht verschickt. Geben Sie Fassung ${latest.version} in Umlauf; genehmigt wird nur eine Fassung, die die Mitglieder erhalten haben.`
        : `Die Niederschrift ist noch nicht in Umlauf gegeben. Geben Sie Fassung ${latest.version} in Umlauf; genehmigt wird nur eine Fassung, die die Mitglieder erhalten haben.`,
    };
  }
  return null;
}

/** Only a new draft circulates; a version already sent is not sent twice. */
export function circulationRefusal(status: MeetingStatus, versions: VersionState[]): Refusal | null {
  const latest = versions[0];
  if (!latest || status !== 'minutes_drafted') {
    return { code: 'steering.minutes_not_draft', message: 'Es gibt keinen Entwurf, der umlaufen könnte.' };
  }
  if (latest.status === 'circulated') {
    return {
      code: 'steering.minutes_already_circulated',
      message: `Fassung ${latest.version} ist bereits im Umlauf. Speichern Sie Änderungen als neue Fassung und geben Sie diese in Umlauf.`,
    };
  }
  return null;
}

/** Members ask for corrections while the minutes are out for approval: the version they read. */
export function requestTarget(status: MeetingStatus, versions: VersionState[]): number | Refusal {
  const circulated = versions.find((v) => v.status === 'circulated');
  if (status === 'minutes_approved') {
    return {
      code: 'steering.minutes_frozen',
      message: 'Die Niederschrift ist bereits genehmigt; eine Berichtigung veranlasst das Bildungsbüro.',
    };
  }
  if (status !== 'minutes_drafted' || !circulated) {
    return {
      code: 'steering.minutes_not_circulated',
      message: 'Korrekturwünsche sind möglich, sobald die Niederschrift in Umlauf gegeben ist.',
    };
  }
  return circulated.version;
}

/**
 * The office's edit joined with what the meeting recorded: attendance, results and positions come from
 * the base version and cannot be rewritten; only the texts are taken from the input. An item that is
 * not on this meeting's agenda is refused.
 */
export function mergeEdit(base: MinutesContent, input: MinutesInput): MinutesContent | Refusal {
  const known = new Set(base.items.map((i) => i.itemId));
  const unknown = input.items.find((i) => !known.has(i.itemId));
  if (unknown) {
    return {
      code: 'steering.minutes_unknown_item',
      message: 'Ein Abschnitt gehört zu keinem Tagesordnungspunkt dieser Sitzung. Laden Sie die Seite neu.',
    };
  }
  const discussion = new Map(input.items.map((i) => [i.itemId, i.discussion]));
  return {
    ...base,
    chair: input.chair,
    minuteTaker: input.minuteTaker,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    opening: input.opening,
    miscellaneous: input.miscellaneous,
    items: base.items.map((i) => ({ ...i, discussion: discussion.get(i.itemId) ?? i.discussion })),
  };
}

/** "von 14:05 bis 16:20 Uhr" */
export const timeSpan = (from: string, to: string) => `von ${from} bis ${to} Uhr`;

export const sideLabel = {
  land: 'Land',
  municipality: 'Kreis/Kommune',
  other: 'weitere Bildungsakteure',
  office: 'Bildungsbüro',
} as const;

/** "Beispiel Land (Land, Bezirksregierung Arnsberg)" */
export function attendeeLabel(a: MinutesContent['attendance'][number]): string {
  const where = [sideLabel[a.side], a.institution].filter(Boolean).join(', ');
  const deputy = a.deputy ? ` – vertreten durch ${a.deputy}` : '';
  return `${a.name} (${where})${a.voting ? '' : ', beratend'}${deputy}`;
}

/** Attendance grouped as the minutes list it: present (incl. represented), excused, absent. */
export function attendanceGroups(content: MinutesContent) {
  const of = (...s: Array<MinutesContent['attendance'][number]['status']>) =>
    content.attendance.filter((a) => s.includes(a.status)).map(attendeeLabel);
  return { present: of('present', 'represented'), excused: of('excused'), absent: of('absent') };
}

/**
 * The minutes as plain text (the version's `body`): what mails, the audit log and searches see, and
 * the same order as the documents.
 */
export function minutesText(title: string, dateLine: string, place: string, c: MinutesContent): string {
  const groups = attendanceGroups(c);
  const list = (xs: string[]) => (xs.length ? xs.map((x) => `- ${x}`) : ['- niemand']);
  const lines = [
    `Niederschrift: ${title}`,
    '',
    `Datum: ${dateLine}, ${timeSpan(c.startedAt, c.endedAt)}`,
    `Ort: ${place || '–'}`,
    `Sitzungsleitung: ${c.chair || '–'}`,
    `Protokollführung: ${c.minuteTaker || '–'}`,
    '',
    'Anwesenheit',
    ...list(groups.present),
    ...c.guests.map((g) => `- ${g}`),
    '',
    'Entschuldigt',
    ...list(groups.excused),
    '',
    'Abwesend',
    ...list(groups.absent),
    '',
  ];
  if (c.opening) lines.push('Eröffnung', c.opening, '');
  for (const i of c.items) {
    lines.push(`TOP ${i.number} ${i.title}`);
    if (i.presenter) lines.push(`Berichterstattung: ${i.presenter}`);
    if (i.discussion) lines.push(i.discussion);
    lines.push(...i.record, '');
  }
  if (c.miscellaneous) lines.push('Verschiedenes', c.miscellaneous, '');
  return lines.join('\n');
}
