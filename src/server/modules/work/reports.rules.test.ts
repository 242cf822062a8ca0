import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import {
  assertCurrent,
  assertDraft,
  type DueFacts,
  dueReason,
  officeReportText,
  prefilledText,
  stateLine,
} from './reports.rules.js';

const DAY = '2027-06-10';
const changed = new Date('2027-05-01T10:00:00Z');
const before = new Date('2027-04-01T10:00:00Z');
const after = new Date('2027-05-20T10:00:00Z');

describe('dueReason (table)', () => {
  const order = (x: Partial<DueFacts>): DueFacts => ({
    kind: 'work_order',
    status: 'in_progress',
    reportDueOn: null,
    fieldEndedOn: null,
    lastChangeAt: changed,
    lastTakenAt: null,
    ...x,
  });
  const project = (x: Partial<DueFacts>): DueFacts => order({ kind: 'project', status: 'active', ...x });
  it.each([
    ['a new order has nothing to report', order({ status: 'new' }), null],
    ['an accepted order never reported', order({ status: 'accepted' }), 'state_changed'],
    ['an order in progress never reported', order({}), 'state_changed'],
    ['a done order never reported', order({ status: 'done' }), 'state_changed'],
    ['a reported order is never due', order({ status: 'reported' }), null],
    ['heard since its last change', order({ lastTakenAt: after }), null],
    ['heard before its last change', order({ lastTakenAt: before }), 'state_changed'],
    ['heard exactly at its last change', order({ lastTakenAt: changed }), null],
    ['report due before the meeting', order({ reportDueOn: '2027-06-01' }), 'due_date'],
    ['report due on the meeting day', order({ reportDueOn: DAY }), 'due_date'],
    ['report due after the meeting, never heard', order({ reportDueOn: '2027-07-01' }), 'state_changed'],
    [
      'report due after the meeting, heard since the change',
      order({ reportDueOn: '2027-07-01', lastTakenAt: after }),
      null,
    ],
    [
      'due date passed but heard since the change',
      order({ reportDueOn: '2027-06-01', lastTakenAt: after }),
      null,
    ],
    ['a returned order needs the committee', order({ status: 'returned' }), 'returned'],
    ['a returned order the committee heard since', order({ status: 'returned', lastTakenAt: after }), null],
    ['an open order in an ended field', order({ fieldEndedOn: '2027-05-01' }), 'field_ended'],
    ['a new order in an ended field', order({ status: 'new', fieldEndedOn: '2027-05-01' }), 'field_ended'],
    [
      'a done order in an ended field is just reported',
      order({ status: 'done', fieldEndedOn: '2027-05-01' }),
      'state_changed',
    ],
    ['an ended field heard since', order({ fieldEndedOn: '2027-05-01', lastTakenAt: after }), null],
    ['an active project never reported', project({}), 'state_changed'],
    ['an active project with its report due', project({ reportDueOn: '2027-06-10' }), 'due_date'],
    ['an active project heard since', project({ lastTakenAt: after }), null],
    ['a closed project is never due', project({ status: 'closed', reportDueOn: '2027-01-01' }), null],
  ] as const)('%s', (_, facts, expected) => {
    expect(dueReason(facts, DAY)).toBe(expected);
  });

  it('nothing the committee heard after the last change is ever due (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('work_order', 'project'),
        fc.constantFrom('new', 'accepted', 'in_progress', 'done', 'reported', 'returned', 'active', 'closed'),
        fc.option(fc.constantFrom('2027-01-01', DAY, '2027-12-31'), { nil: null }),
        fc.option(fc.constant('2027-03-01'), { nil: null }),
        fc.integer({ min: 0, max: 10_000 }),
        (kind, status, reportDueOn, fieldEndedOn, later) => {
          const facts: DueFacts = {
            kind,
            status,
            reportDueOn,
            fieldEndedOn,
            lastChangeAt: changed,
            lastTakenAt: new Date(changed.getTime() + later),
          };
          expect(dueReason(facts, DAY)).toBeNull();
        },
      ),
    );
  });
});

describe('texts', () => {
  it('names subject, state, progress and tasks done', () => {
    expect(
      stateLine({ kind: 'work_order', label: 'AA-2027-03 Portal', status: 'in_progress', progress: 60 }),
    ).toBe('Arbeitsauftrag AA-2027-03 Portal: in Arbeit, 60 %');
    expect(
      stateLine({
        kind: 'project',
        label: 'zdi-Netzwerk',
        status: 'active',
        progress: 45,
        tasksDone: 3,
        tasksTotal: 5,
      }),
    ).toBe('Projekt „zdi-Netzwerk“: läuft, 45 %, 3 von 5 Aufgaben erledigt');
  });

  it.each([
    ['due_date', null, 'Stand: in Arbeit, 40 % erreicht.'],
    [
      'returned',
      'Kein Budget',
      'Stand: in Arbeit, 40 % erreicht. Das Bildungsbüro gibt den Auftrag an den Lenkungskreis zurück: Kein Budget',
    ],
    ['field_ended', null, 'Handlungsfeld ist durch eine Vertragsänderung beendet'],
  ] as const)('prefills a text for %s', (reason, returnReason, expected) => {
    const s = {
      kind: 'work_order' as const,
      id: 'x',
      label: 'AA-2027-01 X',
      status: 'in_progress',
      progress: 40,
      fieldName: null,
      reportDueOn: null,
    };
    expect(prefilledText(s, reason, returnReason)).toContain(expected);
  });

  it('the proposal lists each subject with its text', () => {
    const text = officeReportText([
      {
        kind: 'work_order',
        label: 'AA-2027-01 A',
        status: 'done',
        progress: 100,
        text: 'Fertig.\nAbgenommen.',
      },
      { kind: 'project', label: 'Schulwegweiser', status: 'active', progress: 20, text: 'Läuft.' },
    ]);
    expect(text.split('\n')).toEqual([
      'Das Bildungsbüro berichtet zum Stand der Arbeitsaufträge und Projekte:',
      '– Arbeitsauftrag AA-2027-01 A: erledigt, 100 %',
      '  Fertig. Abgenommen.',
      '– Projekt „Schulwegweiser“: läuft, 20 %',
      '  Läuft.',
    ]);
  });
});

describe('drafts and frozen reports', () => {
  const t = new Date('2027-05-01T10:00:00.123Z');
  it.each([
    ['a draft may change', () => assertDraft({ frozenAt: null }), 'ok'],
    ['a frozen report never changes', () => assertDraft({ frozenAt: t }), 'work.report_frozen'],
    [
      'a save based on the current state',
      () => assertCurrent({ updatedAt: t, authorName: 'A' }, t.toISOString()),
      'ok',
    ],
    [
      'a save based on an older state',
      () => assertCurrent({ updatedAt: t, authorName: 'A' }, '2027-05-01T09:00:00.000Z'),
      'work.report_stale',
    ],
  ])('%s', (_, rule, code) => {
    expect(errorCodeOf(rule)).toBe(code);
  });
});
