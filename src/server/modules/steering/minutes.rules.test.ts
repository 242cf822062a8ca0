import { describe, expect, it } from 'vitest';
import type { MinutesContent } from '../../../contracts/steering.js';
import type { MeetingStatus } from './meetings.rules.js';
import {
  approvalRefusal,
  attendanceGroups,
  circulationRefusal,
  mergeEdit,
  minutesText,
  requestTarget,
  type VersionState,
} from './minutes.rules.js';

const v = (version: number, status: VersionState['status']): VersionState => ({ version, status });

describe('approval approves exactly the circulated version', () => {
  const cases: Array<[string, MeetingStatus, VersionState[], string | null]> = [
    ['circulated, unchanged since', 'minutes_drafted', [v(2, 'circulated'), v(1, 'draft')], null],
    [
      'edited after circulation',
      'minutes_drafted',
      [v(3, 'draft'), v(2, 'circulated')],
      'steering.minutes_not_circulated',
    ],
    ['never circulated', 'minutes_drafted', [v(1, 'draft')], 'steering.minutes_not_circulated'],
    [
      'recirculated after an edit',
      'minutes_drafted',
      [v(3, 'circulated'), v(2, 'circulated'), v(1, 'draft')],
      null,
    ],
    ['no minutes at all', 'held', [], 'steering.minutes_not_draft'],
    ['already approved', 'minutes_approved', [v(2, 'approved')], 'steering.minutes_frozen'],
  ];
  it.each(cases)('%s', (_, status, versions, code) => {
    expect(approvalRefusal(status, versions)?.code ?? null).toBe(code);
  });

  it('names the version to circulate, in German', () => {
    expect(approvalRefusal('minutes_drafted', [v(3, 'draft'), v(2, 'circulated')])?.message).toBe(
      'Fassung 3 wurde nach dem Umlauf von Fassung 2 geändert und noch nicht verschickt. Geben Sie Fassung 3 in Umlauf; genehmigt wird nur eine Fassung, die die Mitglieder erhalten haben.',
    );
  });
});

describe('circulation and correction requests', () => {
  const cases: Array<[string, MeetingStatus, VersionState[], string | null]> = [
    ['a new draft', 'minutes_drafted', [v(1, 'draft')], null],
    ['an edit after circulation', 'minutes_drafted', [v(2, 'draft'), v(1, 'circulated')], null],
    [
      'the same version twice',
      'minutes_drafted',
      [v(1, 'circulated')],
      'steering.minutes_already_circulated',
    ],
    ['before any draft', 'held', [], 'steering.minutes_not_draft'],
    ['after approval', 'minutes_approved', [v(1, 'approved')], 'steering.minutes_not_draft'],
  ];
  it.each(cases)('circulating %s', (_, status, versions, code) => {
    expect(circulationRefusal(status, versions)?.code ?? null).toBe(code);
  });

  const requests: Array<[string, MeetingStatus, VersionState[], number | string]> = [
    ['in circulation', 'minutes_drafted', [v(2, 'circulated'), v(1, 'draft')], 2],
    ['edited since: the version the member read', 'minutes_drafted', [v(3, 'draft'), v(2, 'circulated')], 2],
    ['not yet circulated', 'minutes_drafted', [v(1, 'draft')], 'steering.minutes_not_circulated'],
    ['approved', 'minutes_approved', [v(2, 'approved')], 'steering.minutes_frozen'],
  ];
  it.each(requests)('a member asks: %s', (_, status, versions, expected) => {
    const r = requestTarget(status, versions);
    expect(typeof r === 'number' ? r : r.code).toBe(expected);
  });
});

const content: MinutesContent = {
  chair: 'Landrat Dr. Schneider',
  minuteTaker: 'Petra Kühn',
  startedAt: '14:05',
  endedAt: '16:20',
  opening: '',
  attendance: [
    {
      name: 'Anna Land',
      side: 'land',
      institution: 'Schulamt',
      voting: true,
      status: 'present',
      deputy: null,
    },
    {
      name: 'Bernd Kreis',
      side: 'municipality',
      institution: 'Kreis',
      voting: true,
      status: 'represented',
      deputy: 'Clara Vertretung',
    },
    { name: 'Dora Weg', side: 'land', institution: '', voting: true, status: 'excused', deputy: null },
    { name: 'Emil Fern', side: 'other', institution: 'IHK', voting: false, status: 'absent', deputy: null },
  ],
  guests: [],
  items: [
    {
      itemId: '00000000-0000-4000-8000-000000000001',
      number: 1,
      title: 'Ziel',
      presenter: '',
      record: ['Ergebnis: Beschluss LK-2027-01 gefasst.'],
      decisions: ['LK-2027-01'],
      discussion: 'alt',
    },
  ],
  miscellaneous: '',
};

describe('the edit joins what was recorded', () => {
  const edit = {
    chair: 'Vorsitz',
    minuteTaker: 'Protokoll',
    startedAt: '14:10',
    endedAt: '16:00',
    opening: 'Begrüßung',
    miscellaneous: '',
    items: [{ itemId: '00000000-0000-4000-8000-000000000001', discussion: 'neu' }],
  };
  it('takes texts and times, keeps results and attendance', () => {
    const merged = mergeEdit(content, edit);
    expect('code' in merged).toBe(false);
    const m = merged as MinutesContent;
    expect(m.items[0]).toMatchObject({ discussion: 'neu', record: content.items[0]!.record });
    expect(m.attendance).toBe(content.attendance);
    expect(m).toMatchObject({ chair: 'Vorsitz', startedAt: '14:10', opening: 'Begrüßung' });
  });
  it('refuses a section of an item not on this agenda', () => {
    const r = mergeEdit(content, {
      ...edit,
      items: [{ itemId: '00000000-0000-4000-8000-000000000009', discussion: 'x' }],
    });
    expect(r).toMatchObject({ code: 'steering.minutes_unknown_item' });
  });
  it('lists present, excused and absent apart, with side and institution', () => {
    expect(attendanceGroups(content)).toEqual({
      present: [
        'Anna Land (Land, Schulamt)',
        'Bernd Kreis (Kreis/Kommune, Kreis) – vertreten durch Clara Vertretung',
      ],
      excused: ['Dora Weg (Land)'],
      absent: ['Emil Fern (weitere Bildungsakteure, IHK), beratend'],
    });
    const text = minutesText('Frühjahr', '12.03.2027', 'Kreishaus', content);
    expect(text).toContain('Datum: 12.03.2027, von 14:05 bis 16:20 Uhr');
    expect(text).toContain('Entschuldigt\n- Dora Weg (Land)');
  });
});
