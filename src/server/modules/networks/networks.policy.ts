import type { Permission, Role } from '../../../contracts/common.js';
import { DomainError } from '../../http/errors.js';

/**
 * Who may do what in a network. Pure: the server enforces it and sends the list to the UI, which shows
 * only what the user may do.
 */
const grants: Record<Role, readonly Permission[]> = {
  admin: [
    'network.manage',
    'members.read',
    'members.manage',
    'audit.read',
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
  // The address book is the office's: committee members, guests and partners do not see it.
  // Members read the work programme, orders and reports; tasks stay the office's internals.
  // Members read events and survey results and, as the committee's content leads, edit and agree the
  // conference's recommendations; planning, registrations and check-in stay with the office.
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
  // Guests read only the meetings and items they are invited to (the service checks each item); the
  // committee's own records (members, register, minutes, procedures) stay closed to them.
  guest: ['meetings.read'],
  // Partners see the network's public events (the service hides internal ones), like the public does.
  partner: ['files.read', 'events.read'],
};

export const permissionsOf = (role: Role): Permission[] => [...grants[role]];

export const can = (role: Role, permission: Permission): boolean => grants[role].includes(permission);

/**
 * Throws when the role lacks the permission. Members of the network learn that the action is not
 * theirs (403); outsiders never get this far: they see 404 for the whole network.
 */
export function authorize(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new DomainError(
      'forbidden',
      'Dafür fehlt Ihnen in diesem Bildungsnetzwerk die Berechtigung.',
      'forbidden',
    );
  }
}

/** Which file visibilities a role may read. */
export function visibleFileClasses(role: Role): Array<'public' | 'members' | 'office'> {
  if (role === 'admin' || role === 'office') return ['public', 'members', 'office'];
  if (role === 'committee') return ['public', 'members'];
  return ['public'];
}

/** The last administrator cannot leave or be demoted: a network must stay manageable. */
export function assertKeepsAnAdmin(adminCount: number, removingAnAdmin: boolean): void {
  if (removingAnAdmin && adminCount <= 1) {
    throw new DomainError(
      'networks.last_admin',
      'Das Bildungsnetzwerk braucht mindestens eine Administration. Ernennen Sie zuerst eine weitere Person.',
      'conflict',
    );
  }
}
