/**
 * The steering module's use cases, one file per resource; routes, other modules and the demo import
 * them from here. Files inside the module import the resource files directly (never this one), so the
 * module has no import cycles.
 */
export {
  addAgendaItem,
  agendaItemsOf,
  appendAgendaItem,
  meetingOfItem,
  meetingsOfItems,
  moveAgendaItem,
  reorderAgenda,
  setAgendaItemProposal,
  updateAgendaItem,
} from './agenda.service.js';
export { recordAttendance } from './attendance.service.js';
export {
  createCommitteeMember,
  listCommitteeMembers,
  steeringOfPerson,
  updateCommitteeMember,
} from './committee.service.js';
export {
  type DecisionFactsRow,
  decisionForWork,
  decisionSummaries,
  decisionsByIds,
  followDecisionStatus,
  insertDecision,
  listDecisions,
  setDecisionStatus,
} from './decisions.service.js';
export { inviteGuest, inviteGuestsOfList } from './guests.service.js';
export { type MeetingHooks, type MeetingRef, registerMeetingHooks } from './meeting-hooks.js';
export { getMeeting } from './meeting-view.service.js';
export { assertPlanning } from './meetings.rules.js';
export {
  cancelMeeting,
  createMeeting,
  createMeetingSeries,
  holdMeeting,
  listMeetings,
  listRecipients,
  loadMeeting,
  updateMeeting,
} from './meetings.service.js';
export { addPaper, openPaper } from './papers.service.js';
export {
  anonymiseGuestsOf,
  committeeMembershipsOf,
  guestInvitationsOf,
  movePersonReferences,
} from './person-records.service.js';
export { recordRound, roundsOf } from './rounds.service.js';
export { type DocBlock, renderPdf } from './steering.documents.js';
export { castOwnVote, memberWork, officeWork } from './worklist.service.js';
