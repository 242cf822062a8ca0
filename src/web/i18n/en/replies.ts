import type { replies as de } from '../de/replies';
import type { Shape } from '../shape';

/** The public reply page for meeting invitations. */
export const replies: Shape<typeof de> = {
  reply: {
    title: 'Invitation',
    heading: 'Invitation: {{title}}',
    when: 'When',
    where: 'Place',
    online: 'Online',
    onlineLink: 'Join the video conference',
    newWindow: '(opens in a new window)',
    yourReply: 'Your reply',
    noReply: 'none yet',
    formTitle: 'Reply',
    changeTitle: 'Change your reply',
    legend: 'Will you attend?',
    choose: 'Please choose: attend, deputy or apologies.',
    submit: 'Send reply',
    options: {
      attending: 'I will attend',
      deputy: 'My deputy will attend',
      excused: 'I cannot attend',
    },
    answers: {
      attending: 'You will attend.',
      deputy: 'Your deputy will attend.',
      excused: 'You cannot attend.',
    },
    confirm: {
      attending: 'Thank you, your attendance is noted.',
      deputy: 'Thank you, your deputy’s attendance is noted.',
      excused: 'Thank you, your apologies are noted.',
    },
    cancelledTitle: 'The meeting is cancelled',
    cancelledText: 'No reply is needed any more.',
    closedTitle: 'The meeting has already begun',
    closedText: 'Replies are no longer possible.',
  },
};
