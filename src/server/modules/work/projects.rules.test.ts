import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import type { DomainError } from '../../http/errors.js';
import { assertActive, assertCurrent, assertPeriod, changeChecklist, checkClose } from './projects.rules.js';

describe('checkClose', () => {
  it.each([
    [[], false, 'ok'],
    [[{ title: 'A' }], false, 'work.project_open_tasks'],
    [[{ title: 'A' }], true, 'ok'],
  ])('%j force=%s → %s', (open, force, code) =>
    expect(errorCodeOf(() => checkClose(open, force))).toBe(code),
  );

  it('names every open task', () => {
    try {
      checkClose([{ title: 'Betriebe anschreiben' }, { title: 'Flyer' }], false);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).message).toContain('2 offene Aufgaben: „Betriebe anschreiben“, „Flyer“');
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).details).toEqual({ openTasks: ['Betriebe anschreiben', 'Flyer'] });
    }
  });
});

describe('assertPeriod, assertActive, assertCurrent', () => {
  it.each([
    [null, null, 'ok'],
    ['2027-01-01', null, 'ok'],
    ['2027-01-01', '2027-01-01', 'ok'],
    ['2027-02-01', '2027-01-31', 'work.project_period'],
  ])('%s – %s → %s', (a, b, code) => expect(errorCodeOf(() => assertPeriod(a, b))).toBe(code));
  it.each([
    ['active', 'ok'],
    ['closed', 'work.project_closed'],
  ] as const)('%s → %s', (s, code) => expect(errorCodeOf(() => assertActive(s))).toBe(code));
  it('names who changed the record', () => {
    expect(errorCodeOf(() => assertCurrent('Das Projekt', 2, 2, null))).toBe('ok');
    expect(() => assertCurrent('Das Projekt', 1, 2, 'Petra Büro')).toThrow(
      'Das Projekt wurde inzwischen von Petra Büro geändert.',
    );
  });
});

describe('changeChecklist', () => {
  const list = [
    { label: 'A', done: false },
    { label: 'B', done: true },
  ];
  it.each([
    [{ op: 'add', label: 'C' }, 'ok'],
    [{ op: 'check', index: 0, done: true }, 'ok'],
    [{ op: 'check', index: 2, done: true }, 'work.checklist_item'],
    [{ op: 'remove', index: -1 }, 'work.checklist_item'],
    [{ op: 'remove', index: 1 }, 'ok'],
  ] as const)('%j → %s', (c, code) => expect(errorCodeOf(() => changeChecklist(list, c))).toBe(code));

  it('changes one item only and never the list it was given (property)', () => {
    const items = fc.array(fc.record({ label: fc.string(), done: fc.boolean() }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(items, fc.nat(), fc.boolean(), (l, n, done) => {
        const copy = structuredClone(l);
        const index = n % l.length;
        const checked = changeChecklist(l, { op: 'check', index, done });
        const removed = changeChecklist(l, { op: 'remove', index });
        return (
          JSON.stringify(l) === JSON.stringify(copy) &&
          checked.every((it, i) => (i === index ? it.done === done : it.done === l[i]!.done)) &&
          removed.length === l.length - 1
        );
      }),
    );
  });
});
