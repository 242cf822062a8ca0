import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import {
  assertMovable,
  assertMovesForward,
  assertSameItems,
  checkItem,
  type ItemFacts,
  numberAgenda,
} from './agenda.rules.js';

describe('checkItem (table)', () => {
  const item = (x: Partial<ItemFacts>): ItemFacts => ({
    kind: 'decision',
    decisionType: 'goal',
    fieldId: 'f1',
    proposal: 'Der Lenkungskreis beschließt …',
    ...x,
  });
  it.each([
    ['a goal decision with field and proposal', item({}), 'ok'],
    [
      'information needs nothing more',
      item({ kind: 'information', decisionType: null, fieldId: null, proposal: '' }),
      'ok',
    ],
    ['a decision without its type', item({ decisionType: null }), 'steering.decision_type_missing'],
    ['a decision without a proposal', item({ proposal: 'ab' }), 'steering.proposal_missing'],
    [
      'a work order without a field of action',
      item({ decisionType: 'work_order', fieldId: null }),
      'steering.field_missing',
    ],
    ['a procedural decision needs no field', item({ decisionType: 'procedural', fieldId: null }), 'ok'],
    [
      'approving minutes procedurally',
      item({ decisionType: 'procedural', fieldId: null, approvesMinutesOf: 'm0' }),
      'ok',
    ],
    ['approving minutes as a goal', item({ approvesMinutesOf: 'm0' }), 'steering.minutes_item_procedural'],
    [
      'approving minutes in a discussion item',
      item({ kind: 'discussion', approvesMinutesOf: 'm0' }),
      'steering.minutes_item_procedural',
    ],
  ] as const)('%s → %s', (_name, input, expected) => {
    expect(errorCodeOf(() => checkItem(input))).toBe(expected);
  });
});

describe('numberAgenda', () => {
  it('numbers in agenda order and leaves out moved items, so TOP numbers match mails and minutes', () => {
    const items = [
      { id: 'a', status: 'decided' },
      { id: 'b', status: 'moved' },
      { id: 'c', status: 'open' },
      { id: 'd', status: 'withdrawn' },
    ];
    expect(numberAgenda(items).map(({ item, number }) => `${number}:${item.id}`)).toEqual([
      '1:a',
      '2:c',
      '3:d',
    ]);
  });
});

describe('reordering and moving', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it.each([
    [['c', 'a', 'b'], 'ok'],
    [['a', 'b'], 'steering.reorder_mismatch'],
    [['a', 'b', 'b'], 'steering.reorder_mismatch'],
    [['a', 'b', 'c', 'x'], 'steering.reorder_mismatch'],
    [['a', 'b', 'x'], 'steering.reorder_mismatch'],
  ])('%j → %s', (ids, expected) => {
    expect(errorCodeOf(() => assertSameItems(items, ids))).toBe(expected);
  });

  it('moves only forward in time and only open business', () => {
    const d = (s: string) => new Date(s);
    expect(errorCodeOf(() => assertMovesForward(d('2027-03-01'), d('2027-06-01')))).toBe('ok');
    expect(errorCodeOf(() => assertMovesForward(d('2027-03-01'), d('2027-03-01')))).toBe(
      'steering.move_backwards',
    );
    expect(errorCodeOf(() => assertMovesForward(d('2027-06-01'), d('2027-03-01')))).toBe(
      'steering.move_backwards',
    );
    expect(
      (['open', 'deferred', 'withdrawn', 'decided', 'moved'] as const).map((s) =>
        errorCodeOf(() => assertMovable(s)),
      ),
    ).toEqual(['ok', 'ok', 'ok', 'steering.item_closed', 'steering.item_closed']);
  });
});
