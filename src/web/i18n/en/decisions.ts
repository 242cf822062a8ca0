import type { decisions as de } from '../de/decisions';
import type { Shape } from '../shape';

/** The decision register. */
export const decisions: Shape<typeof de> = {
  decisions: {
    title: 'Decisions',
    intro:
      'The steering committee’s register of decisions: each decision with its number, field of action and state of implementation.',
    export: 'Download as Excel',
    filters: 'Filter decisions',
    search: 'Full-text search',
    year: 'Year',
    field: 'Field of action',
    type: 'Type',
    status: 'Status',
    all: 'All',
    apply: 'Filter',
    reset: 'Reset filters',
    total_one: '{{count}} decision',
    total_other: '{{count}} decisions',
    none: 'No decisions found.',
    tableCaption: 'Register of decisions',
    number: 'Number',
    numberDate: 'Number and date',
    typeField: 'Type and field of action',
    date: 'Date',
    titleColumn: 'Title',
    source: 'Taken in',
    meeting: 'Meeting',
    writtenProcedure: 'Written procedure',
    showText: 'Text of decision {{number}}',
    rounds_one: 'Taken in the first round.',
    rounds_other: 'Taken after {{count}} rounds.',
    statusOf: 'Status of {{number}}',
    statusFollowsOrders: 'follows the work orders',
    statusSaved: 'Status of {{number}}: {{status}}.',
    types: {
      goal: 'Goal',
      work_plan: 'Work plan',
      work_order: 'Work order',
      recommendation: 'Recommendation',
      contract_amendment: 'Proposed contract amendment',
      procedural: 'Procedural decision',
    },
    statuses: {
      open: 'open',
      in_progress: 'in progress',
      done: 'done',
    },
  },
};
