import type { dashboard as de } from '../de/dashboard';
import type { Shape } from '../shape';

/** The start page of a network. */
export const dashboard: Shape<typeof de> = {
  start: {
    title: 'Start',
    greeting: 'Hello, {{name}}',
    yourRole: 'Your role in “{{network}}”: {{role}}',
    outboxTitle: 'Outbox',
    outboxPending_one: '{{count}} e-mail is waiting to be sent.',
    outboxPending_other: '{{count}} e-mails are waiting to be sent.',
    outboxFailed_one: '{{count}} e-mail failed.',
    outboxFailed_other: '{{count}} e-mails failed.',
    outboxOpen: 'To the outbox',
    filesTitle: 'Latest documents',
    filesNone: 'No documents yet.',
    filesOpen: 'All documents',
    nextTitle: 'What comes next',
    nextText:
      'Soon you will find your tasks and work orders here, the next steering committee meetings, open written procedures and upcoming events.',
    membersTitle: 'Team',
    membersText: 'Invite the education office and the steering committee members.',
    membersOpen: 'Users & roles',
    meetingsTitle: 'Next meetings',
    meetingsNone: 'No meetings planned.',
    meetingsOpen: 'All meetings',
    meetingWhen: '{{date}}',
    proceduresTitle: 'Open written procedures',
    proceduresNone: 'No open written procedures.',
    proceduresOpen: 'All written procedures',
    procedureDue: 'deadline {{date}}, {{answered}} of {{count}} answered',
  },
};
