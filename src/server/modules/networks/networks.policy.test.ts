import { describe, expect, it } from 'vitest';
import { Permissions, Roles } from '../../../contracts/common.js';
import { assertKeepsAnAdmin, can, permissionsOf, visibleFileClasses } from './networks.policy.js';

describe('role policy', () => {
  // The table a county's data protection officer reads: who may do what.
  const table: Record<string, string[]> = {
    admin: [...Permissions],
    office: [
      'members.read',
      'outbox.read',
      'outbox.manage',
      'files.read',
      'files.write',
      'contract.read',
      'contract.manage',
      'public.manage',
      'meetings.read',
      'steering.read',
      'steering.manage',
      'work.read',
      'work.manage',
      'contacts.read',
      'contacts.manage',
      'events.read',
      'events.manage',
      'events.recommend',
      'surveys.read',
      'surveys.manage',
    ],
    committee: [
      'files.read',
      'contract.read',
      'meetings.read',
      'steering.read',
      'work.read',
      'events.read',
      'events.recommend',
      'surveys.read',
    ],
    guest: ['meetings.read'],
    partner: ['files.read', 'events.read'],
  };
  it.each(Roles)('%s has exactly its permissions', (role) => {
    expect(permissionsOf(role).sort()).toEqual([...table[role]!].sort());
    for (const p of Permissions) expect(can(role, p)).toBe(table[role]!.includes(p));
  });

  it('keeps the address book to the administration and the office', () => {
    expect(Roles.filter((r) => can(r, 'contacts.read'))).toEqual(['admin', 'office']);
    expect(Roles.filter((r) => can(r, 'contacts.manage'))).toEqual(['admin', 'office']);
  });

  it('leaves planning events and building surveys to the administration and the office', () => {
    expect(Roles.filter((r) => can(r, 'events.manage'))).toEqual(['admin', 'office']);
    expect(Roles.filter((r) => can(r, 'surveys.manage'))).toEqual(['admin', 'office']);
    expect(Roles.filter((r) => can(r, 'events.recommend'))).toEqual(['admin', 'office', 'committee']);
  });

  it('lets nobody but administrators read the audit log or manage members', () => {
    expect(Roles.filter((r) => can(r, 'audit.read'))).toEqual(['admin']);
    expect(Roles.filter((r) => can(r, 'members.manage'))).toEqual(['admin']);
  });

  it('shows office-only files to the office alone', () => {
    expect(Roles.filter((r) => visibleFileClasses(r).includes('office'))).toEqual(['admin', 'office']);
    expect(Roles.every((r) => visibleFileClasses(r).includes('public'))).toBe(true);
  });

  it('refuses to remove the last administrator', () => {
    expect(() => assertKeepsAnAdmin(1, true)).toThrow(/mindestens eine Administration/);
    expect(() => assertKeepsAnAdmin(2, true)).not.toThrow();
    expect(() => assertKeepsAnAdmin(1, false)).not.toThrow();
  });
});
