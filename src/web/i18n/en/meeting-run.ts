import type { meetingRun as de } from '../de/meeting-run';
import type { Shape } from '../shape';

/** Running a meeting, planning a year, and looking before a mass mail goes out (issue 8). */
export const meetingRun: Shape<typeof de> = {
  meetingRun: {
    opensLater: 'The meeting can be opened from {{when}}, one hour before it starts.',
    moreActions: 'More actions',
    cancelHint:
      'A cancellation goes to everyone invited (with a calendar cancellation) and cannot be undone.',
    step: 'Step {{n}}',
    attendance: {
      intro:
        'Prefilled from the replies to the invitation: everyone present, whoever sends the deputy is represented, whoever declined is excused. Change only what differs.',
      allPresent: 'Everyone present',
      statusOf: '{{name}}',
      reply: 'Reply: {{reply}}',
      noReply: 'no reply',
      summary: '{{present}} present · {{represented}} represented · {{excused}} excused · {{absent}} absent',
      save: 'Save attendance',
      change: 'Change attendance',
    },
    round: {
      intro:
        'Default: every voting member consents. Record only the exceptions: an objection (with reason) or an abstention.',
      exceptions: 'Positions',
      stanceOf: 'Position of {{name}}',
      recordAllConsent: 'Everyone consents – establish the result',
      recordWithExceptions: 'Establish the result ({{count}} exception(s))',
      adviceTitle: 'Advisory voices (not counted)',
      adviceIntro:
        'Guests, members without a vote and the office may speak; their advice is kept in the round and the minutes and never counts for the decision.',
      adviceKinds: { guest: 'guest', member: 'no vote', office: 'office' },
      adviceLabel: 'Advice of {{name}} ({{kind}})',
      adviceShown: 'Advice (not counted)',
    },
    series: {
      open: 'Plan a year of meetings',
      title: 'Plan a year of meetings',
      intro:
        'Create the dates of the year at once, for example two meetings. Each meeting can then be moved or cancelled on its own.',
      year: 'Year',
      meetingN: 'Meeting {{n}}',
      titleN: 'Title of meeting {{n}}',
      dayN: 'Date of meeting {{n}}',
      add: 'Add another date',
      remove: 'Remove date {{n}}',
      submit: 'Create meetings',
      created: '{{count}} meetings planned: {{titles}}.',
      spring: 'Steering committee spring {{year}}',
      autumn: 'Steering committee autumn {{year}}',
    },
  },
  massActions: {
    loading: 'Finding the recipients …',
    summary: '{{what}} to {{count}} people by e-mail.',
    receivesTitle: 'Receive it by e-mail ({{count}})',
    unreachableTitle: 'Not reachable by e-mail ({{count}})',
    roles: {
      member: 'member',
      nonvoting: 'member without a vote',
      deputy: 'deputy',
      guest: 'guest (advisory)',
    },
    invitations: {
      title: 'Send the invitations?',
      confirm: 'Send now',
      done: '{{what}} sent to {{count}} people.',
      unreachable: '{{count}} not reachable: {{names}}.',
    },
    circulation: {
      title: 'Circulate the draft minutes?',
      confirm: 'Circulate',
      done: 'Draft minutes sent to {{count}} members.',
    },
    procedure: {
      title: 'Start the written procedure?',
      confirm: 'Start and send',
      warning:
        'Silence is not consent: without these members’ answers the decision cannot be taken. Ask by phone or on paper and record the answer with the procedure.',
      done: 'Written procedure started: proposal sent to {{count}} members.',
    },
  },
};
