import type { audit as de } from '../de/audit';
import type { Shape } from '../shape';

/** The audit log ("Protokoll der Änderungen"). */
export const audit: Shape<typeof de> = {
  audit: {
    title: 'Change log',
    intro: 'Every change in the education network is recorded with time and person.',
    filters: 'Filters',
    entityType: 'Area',
    action: 'Action',
    actor: 'Person',
    actorHint: 'Name or part of it',
    from: 'From',
    to: 'To',
    all: 'All',
    apply: 'Filter',
    reset: 'Reset filters',
    actions: { create: 'Created', update: 'Changed', delete: 'Deleted' },
    entityTypes: {
      network: 'Education network',
      membership: 'Membership',
      invitation: 'Invitation',
      file: 'Document',
      user: 'User account',
      mail: 'E-mail',
    },
    tableCaption: 'Changes',
    at: 'Time',
    summary: 'Change',
    system: 'System',
    before: 'Before',
    after: 'After',
    showDetails: 'Details',
    total_one: '{{count}} entry',
    total_other: '{{count}} entries',
    pageOf: 'Page {{page}} of {{pages}}',
    previous: 'Previous page',
    next: 'Next page',
    paging: 'Pages',
    none: 'No entries for these filters.',
  },
};
