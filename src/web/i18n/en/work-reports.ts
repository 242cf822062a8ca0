import type { workReports as de } from '../de/work-reports';
import type { Shape } from '../shape';

/** Progress reports and the agenda's office report. */
export const workReports: Shape<typeof de> = {
  workReports: {
    title: 'Progress reports',
    none: 'No progress reports yet.',
    write: 'Write a progress report',
    writeTitle: 'Write a progress report',
    edit: 'Edit draft',
    editTitle: 'Edit the draft progress report',
    save: 'Save',
    saved: 'The progress report has been saved.',
    text: 'Progress',
    textHint: 'What has been achieved, what comes next, where does the office need the committee?',
    progress: 'Progress in %',
    progressHint: 'Prefilled with the current state ({{progress}} %).',
    current: 'Current state: {{state}}, {{progress}} %',
    draft: 'Draft',
    frozen: 'Presented',
    onAgenda: 'On the agenda of a planned meeting',
    takenIn: 'Presented in',
    reported: 'State reported: {{state}}, {{progress}} %',
    tasks: '{{done}} of {{total}} tasks done',
    by: 'by {{name}}, {{date}}',
    traceLabel: 'progress report of {{date}}',
    frozenNote: 'Presented reports stay unchanged.',
    state: {
      new: 'new',
      accepted: 'accepted',
      in_progress: 'in progress',
      done: 'done',
      reported: 'reported',
      returned: 'returned',
      active: 'running',
      closed: 'closed',
    },
    reason: {
      due_date: 'Report due',
      state_changed: 'State changed',
      field_ended: 'Field of action ended',
      returned: 'Returned',
    },
    offer: {
      title: 'Report from the education office',
      intro_one:
        '{{count}} progress report is due for this meeting. Add it to the agenda as "Report from the education office"; it is frozen when the meeting opens.',
      intro_other:
        '{{count}} progress reports are due for this meeting. Add them to the agenda as "Report from the education office"; they are frozen when the meeting opens.',
      none: 'No progress reports are due for this meeting.',
      taken:
        'The progress reports due are on the agenda under “Report from the education office”; they are frozen when the meeting opens.',
      button_one: 'Add the report from the education office ({{count}} report due)',
      button_other: 'Add the report from the education office ({{count}} reports due)',
      existing:
        'The item "Report from the education office" is already on the agenda; further reports are added to it.',
      dialogTitle: 'Add the report from the education office',
      choose: 'Reports for the agenda',
      include: 'Include {{label}}',
      textFor: 'Progress: {{label}}',
      progressFor: 'Progress in %: {{label}}',
      fromDraft: 'From the draft',
      needsDecision: 'Needs a decision of the committee',
      proposeDecisions: 'Also add returned orders and orders of ended fields of action as decision items',
      submit: 'Add to the agenda',
      added_one: '"Report from the education office" with {{count}} report added to the agenda.',
      added_other: '"Report from the education office" with {{count}} reports added to the agenda.',
      field: 'Field of action: {{name}}',
    },
  },
};
