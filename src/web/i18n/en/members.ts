import type { members as de } from '../de/members';
import type { Shape } from '../shape';

/** Users and roles of a network. */
export const members: Shape<typeof de> = {
  members: {
    title: 'Users & roles',
    membersTitle: 'Users',
    tableCaption: 'Users of the education network',
    since: 'Member since',
    twoFactor: 'Second factor',
    twoFactorYes: 'set up',
    twoFactorNo: 'not set up',
    roleOf: 'Role of {{name}}',
    removeLabel: 'Remove {{name}}',
    removeTitle: 'Remove user?',
    removeText: '{{name}} will lose access to this education network.',
    removed: '{{name}} has been removed.',
    roleChanged: 'The role of {{name}} has been changed.',
    you: '(you)',
    invitationsTitle: 'Invitations',
    invitationsCaption: 'Open invitations',
    noInvitations: 'No open invitations.',
    status: 'Status',
    statuses: { pending: 'Open', accepted: 'Accepted', revoked: 'Revoked' },
    expires: 'Valid until',
    showLink: 'Show invitation link',
    showLinkLabel: 'Show invitation link for {{name}}',
    showLinkTitle: 'Show invitation link?',
    showLinkText:
      'A new link for {{email}} is created for you to pass on, e.g. when no e-mail arrives. The link in the invitation e-mail and links shown earlier stop working.',
    shownTitle: 'Invitation link for {{name}}',
    shownLink: 'Personal invitation link',
    shownHint:
      'It is shown only now and stored nowhere. Pass it on to this person only; it is valid until the invitation expires.',
    copy: 'Copy link',
    copied: 'The link is on the clipboard.',
    revoke: 'Revoke',
    revokeLabel: 'Revoke invitation to {{name}}',
    revokeTitle: 'Revoke invitation?',
    revokeText: 'The link in the invitation to {{email}} stops working.',
    revoked: 'The invitation to {{name}} has been revoked.',
    inviteTitle: 'Invite a person',
    inviteIntro: 'The person receives an e-mail with a link. The e-mail appears in the outbox.',
    invite: 'Send invitation',
    invited: 'The invitation to {{email}} is in the outbox.',
  },
};
