import { z } from 'zod';
import { Day } from './contract.js';

const Text = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, { error: `${what}: bitte mindestens ${min} Zeichen.` })
    .max(max, { error: `${what}: höchstens ${max} Zeichen.` });

export const Side = z.enum(['land', 'municipality', 'other', 'office'], {
  error: 'Bitte wählen Sie die Seite: Land, Kommune, weitere Bildungsakteure oder Bildungsbüro.',
});
export const DecisionType = z.enum([
  'goal',
  'work_plan',
  'work_order',
  'recommendation',
  'contract_amendment',
  'procedural',
]);
export type DecisionType = z.infer<typeof DecisionType>;
export const MeetingStatus = z.enum([
  'planned',
  'invited',
  'held',
  'minutes_drafted',
  'minutes_approved',
  'cancelled',
]);

export const MemberInput = z.object({
  name: Text(2, 200, 'Name'),
  email: z
    .union([z.literal(''), z.email({ error: 'Bitte eine gültige E-Mail-Adresse angeben oder leer lassen.' })])
    .default('')
    .transform((s) => s || null),
  side: Side,
  function: z.string().trim().max(200).default(''),
  institution: z.string().trim().max(300).default(''),
  voting: z.boolean(),
  termFrom: Day,
  termTo: Day.nullable().default(null),
  deputyOf: z.uuid().nullable().default(null),
});
export type MemberInput = z.input<typeof MemberInput>;

export const CommitteeMember = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  side: Side,
  function: z.string(),
  institution: z.string(),
  voting: z.boolean(),
  termFrom: z.string(),
  termTo: z.string().nullable(),
  deputyOf: z.uuid().nullable(),
  // The member's record in the address book (Netzwerk → Personen).
  personId: z.uuid().nullable(),
  active: z.boolean(),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;
export const MemberParams = z.object({ networkId: z.uuid(), memberId: z.uuid() });

const realDateTime = (s: string) => {
  const d = new Date(`${s}:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

/** Local wall-clock time in Europe/Berlin, as the office types it: 2027-03-12T14:00. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, {
    error: 'Bitte Datum und Uhrzeit im Format JJJJ-MM-TTTHH:MM angeben.',
    abort: true,
  })
  // The pattern alone lets 2027-02-30T25:61 through to the database, which refuses it.
  .refine((s) => realDateTime(s) && s >= '1900' && s < '3000', {
    error: 'Dieses Datum oder diese Uhrzeit gibt es nicht.',
  });

export const MeetingInput = z
  .object({
    title: Text(3, 200, 'Titel'),
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    location: z.string().trim().max(300).default(''),
    onlineUrl: z
      .union([
        z.literal(''),
        z.url({ protocol: /^https$/, error: 'Der Online-Link muss mit https:// beginnen.' }),
      ])
      .default('')
      .transform((s) => s || null),
  })
  .refine((m) => m.endsAt > m.startsAt, { error: 'Das Ende muss nach dem Beginn liegen.', path: ['endsAt'] });
export type MeetingInput = z.input<typeof MeetingInput>;

export const AgendaItemInput = z.object({
  title: Text(2, 300, 'Titel'),
  kind: z.enum(['information', 'discussion', 'decision']),
  decisionType: DecisionType.nullable().default(null),
  public: z.boolean().default(false),
  fieldId: z.uuid().nullable().default(null),
  proposal: z.string().trim().max(20_000).default(''),
  presenter: z.string().trim().max(200).default(''),
  durationMinutes: z.number().int().min(1).max(600).nullable().default(null),
  /** For a procedural item: the earlier meeting whose minutes it approves. */
  approvesMinutesOf: z.uuid().nullable().default(null),
});
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

export const Paper = z.object({
  id: z.uuid(),
  title: z.string(),
  versions: z.array(
    z.object({
      version: z.number(),
      fileId: z.uuid(),
      name: z.string(),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
});

export const AgendaItem = z.object({
  id: z.uuid(),
  number: z.number(),
  title: z.string(),
  kind: z.enum(['information', 'discussion', 'decision']),
  decisionType: DecisionType.nullable(),
  public: z.boolean(),
  fieldId: z.uuid().nullable(),
  fieldName: z.string().nullable(),
  proposal: z.string(),
  presenter: z.string(),
  durationMinutes: z.number().nullable(),
  status: z.enum(['open', 'decided', 'deferred', 'withdrawn', 'moved']),
  movedFrom: z.uuid().nullable(),
  approvesMinutesOf: z.uuid().nullable(),
  papers: z.array(Paper),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Guest = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  topic: z.string(),
  itemId: z.uuid().nullable(),
  present: z.boolean().nullable(),
});
export const GuestInput = z.object({
  name: Text(2, 200, 'Name'),
  email: z
    .union([z.literal(''), z.email()])
    .default('')
    .transform((s) => s || null),
  topic: z.string().trim().max(300).default(''),
  itemId: z.uuid().nullable().default(null),
});
export type GuestInput = z.input<typeof GuestInput>;

export const Attendance = z.object({
  memberId: z.uuid(),
  status: z.enum(['present', 'represented', 'excused', 'absent']),
  deputyId: z.uuid().nullable(),
});
export type Attendance = z.infer<typeof Attendance>;
export const AttendanceInput = z.object({ entries: z.array(Attendance).min(1).max(200) });

export const Meeting = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  location: z.string(),
  onlineUrl: z.string().nullable(),
  status: MeetingStatus,
  cancelReason: z.string().nullable(),
  /** The latest minutes' state (null before any minutes): tells "in Arbeit" from "im Umlauf". */
  minutesStatus: z.enum(['draft', 'circulated', 'approved']).nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

/**
 * What the viewer can do with the meeting now, as the server would accept it: the web app offers an
 * action only when it is true, so the rule (e.g. opening no earlier than an hour before) lives once.
 */
export const MeetingActions = z.object({
  edit: z.boolean(),
  cancel: z.boolean(),
  invite: z.boolean(),
  open: z.boolean(),
  /** From when "Sitzung eröffnen" will be accepted; null when it never will (closed, cancelled, no right). */
  opensAt: z.iso.datetime({ offset: true }).nullable(),
  record: z.boolean(),
});
export type MeetingActions = z.infer<typeof MeetingActions>;

/** Who may speak in a round without counting: a guest, a member without a vote, or office staff. */
export const Advisor = z.object({
  kind: z.enum(['guest', 'member', 'office']),
  id: z.string().min(1).max(100),
  name: z.string(),
  /** A guest invited to one item advises only on that item. */
  itemId: z.uuid().nullable(),
});
export type Advisor = z.infer<typeof Advisor>;

export const MeetingDetail = Meeting.extend({
  items: z.array(AgendaItem),
  guests: z.array(Guest),
  attendance: z.array(Attendance),
  /** A guest sees only the items they are invited to. */
  viewerIsGuest: z.boolean(),
  actions: MeetingActions,
  /** For the office in the meeting: whose advice can be recorded (empty for everyone else). */
  advisors: z.array(Advisor),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const MeetingParams = z.object({ networkId: z.uuid(), meetingId: z.uuid() });
export const ItemParams = z.object({ networkId: z.uuid(), meetingId: z.uuid(), itemId: z.uuid() });
export const ReorderInput = z.object({ itemIds: z.array(z.uuid()).min(1) });
export const MoveInput = z.object({ toMeetingId: z.uuid() });
export const CancelInput = z.object({ reason: Text(3, 500, 'Grund') });

export const PositionInput = z.object({
  memberId: z.uuid(),
  stance: z.enum(['consent', 'stand_aside', 'objection']),
  reason: z.string().trim().max(2000).default(''),
});
export const RoundInput = z
  .object({
    proposal: Text(3, 20_000, 'Beschlussvorschlag'),
    positions: z.array(PositionInput).max(200),
    /**
     * "Alle stimmen zu": every entitled member not named in `positions` consents; `positions` then
     * holds only the exceptions (objection with reason, abstention).
     */
    allConsent: z.boolean().default(false),
    /** Advice of guests, members without a vote and office staff: recorded, never counted. */
    advice: z
      .array(
        z.object({
          kind: z.enum(['guest', 'member', 'office']).default('guest'),
          /** Guest id, member id, or the office staff's account id. */
          id: z.string().min(1).max(100).optional(),
          /** Older clients send guestId. */
          guestId: z.uuid().optional(),
          text: Text(2, 5000, 'Rat'),
        }),
      )
      .max(50)
      .default([])
      .transform((list, ctx) =>
        list.map((a) => {
          const id = a.id ?? a.guestId;
          if (!id) {
            ctx.addIssue({ code: 'custom', message: 'Bitte geben Sie an, wer den Rat gegeben hat.' });
            return { kind: a.kind, id: '', text: a.text };
          }
          return { kind: a.kind, id, text: a.text };
        }),
      ),
    /** For a blocked round: what happens next. */
    resolution: z.enum(['reworked', 'deferred', 'withdrawn']).nullable().default(null),
  })
  .refine((r) => r.positions.every((p) => p.stance !== 'objection' || p.reason.length > 0), {
    error: 'Ein Einwand braucht eine Begründung.',
    path: ['positions'],
  });
export type RoundInput = z.input<typeof RoundInput>;

export const Round = z.object({
  id: z.uuid(),
  round: z.number(),
  proposal: z.string(),
  outcome: z.enum(['taken', 'blocked']),
  reason: z.string().nullable(),
  message: z.string(),
  resolution: z.enum(['reworked', 'deferred', 'withdrawn']).nullable(),
  positions: z.array(
    z.object({
      memberId: z.uuid(),
      memberName: z.string(),
      castBy: z.string().nullable(),
      stance: z.enum(['consent', 'stand_aside', 'objection']),
      reason: z.string().nullable(),
    }),
  ),
  /** Advice given in this round (guests, members without a vote, office): shown, never counted. */
  advice: z.array(
    z.object({ kind: z.enum(['guest', 'member', 'office']), name: z.string(), text: z.string() }),
  ),
  decisionNumber: z.string().nullable(),
});
export type Round = z.infer<typeof Round>;

export const Decision = z.object({
  id: z.uuid(),
  number: z.string(),
  decidedOn: z.string(),
  type: DecisionType,
  fieldId: z.uuid().nullable(),
  fieldName: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  status: z.enum(['open', 'in_progress', 'done']),
  meetingId: z.uuid().nullable(),
  meetingTitle: z.string().nullable(),
  rounds: z.number(),
  /** Was daraus wurde: derived from the trace's links (open / implemented / overdue) and in words. */
  outcome: z.enum(['open', 'implemented', 'overdue']),
  outcomeSummary: z.string(),
  /** The decision has work orders: its Umsetzungsstand follows them and is not set by hand. */
  statusFollowsOrders: z.boolean(),
});
export type Decision = z.infer<typeof Decision>;

export const DecisionQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  fieldId: z.uuid().optional(),
  type: DecisionType.optional(),
  status: z.enum(['open', 'in_progress', 'done']).optional(),
  q: z.string().trim().max(200).optional(),
  outcome: z
    .enum(['open', 'implemented', 'overdue'], {
      error: 'Bitte wählen Sie: offen, umgesetzt oder überfällig.',
    })
    .optional(),
});
/** The register's filters as the server reads them (and the web app keys its queries by). */
export type DecisionQuery = z.output<typeof DecisionQuery>;
export const DecisionParams = z.object({ networkId: z.uuid(), decisionId: z.uuid() });
export const DecisionStatusInput = z.object({ status: z.enum(['open', 'in_progress', 'done']) });

export const InvitationResult = z.object({
  sent: z.number(),
  manualDelivery: z.array(z.object({ name: z.string(), reason: z.string() })),
});

/** One person a mass action reaches (or cannot reach), as the server will send it. */
export const AudienceEntry = z.object({
  name: z.string(),
  email: z.string().nullable(),
  /** member: voting member; nonvoting: member without a vote (e.g. the office side); deputy; guest. */
  role: z.enum(['member', 'nonvoting', 'deputy', 'guest']),
  /** What they receive, in words ("Einladung mit Tagesordnung (alle TOPs), Kalendereintrag"). */
  receives: z.string(),
  /** Null when reachable; otherwise why not, and what the office does instead. */
  unreachable: z.string().nullable(),
});
export type AudienceEntry = z.infer<typeof AudienceEntry>;
export const AudiencePreview = z.object({
  /** e.g. "Einladung" or "Aktualisierte Einladung". */
  what: z.string(),
  recipients: z.array(AudienceEntry),
  /** Set when the action would be refused as things are (empty agenda, nobody entitled …). */
  blocked: z.string().nullable(),
});
export type AudiencePreview = z.infer<typeof AudiencePreview>;

/** A year's meetings planned at once (e.g. "zwei Sitzungen im Jahr"); each is moved or cancelled alone. */
export const MeetingSeriesInput = z.object({
  meetings: z
    .array(MeetingInput)
    .min(1, { error: 'Bitte mindestens einen Termin angeben.' })
    .max(12, { error: 'Höchstens 12 Termine auf einmal.' }),
});
export type MeetingSeriesInput = z.input<typeof MeetingSeriesInput>;
export type InvitationResult = z.infer<typeof InvitationResult>;
export const AnswerChannel = z.enum(['link', 'phone', 'paper']);
export const Recipient = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  kind: z.enum(['member', 'guest']),
  memberId: z.uuid().nullable(),
  reply: z.enum(['attending', 'deputy', 'excused']).nullable(),
  replyChannel: AnswerChannel.nullable(),
  invited: z.boolean(),
});
export type Recipient = z.infer<typeof Recipient>;
export const ReplyToken = z.object({ token: z.string().min(20).max(100) });
export const ReplyInfo = z.object({
  meetingTitle: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  location: z.string(),
  onlineUrl: z.string().nullable(),
  cancelled: z.boolean(),
  name: z.string(),
  isGuest: z.boolean(),
  hasDeputy: z.boolean(),
  reply: z.enum(['attending', 'deputy', 'excused']).nullable(),
});
export type ReplyInfo = z.infer<typeof ReplyInfo>;
export const ReplyInput = z.object({
  reply: z.enum(['attending', 'deputy', 'excused'], {
    error: 'Bitte wählen Sie: Teilnahme, Stellvertretung oder Absage.',
  }),
});

/** A participant as the minutes list them: side and institution, present or why not. */
export const MinutesAttendee = z.object({
  name: z.string(),
  side: Side,
  institution: z.string(),
  voting: z.boolean(),
  status: z.enum(['present', 'represented', 'excused', 'absent']),
  deputy: z.string().nullable(),
});
export type MinutesAttendee = z.infer<typeof MinutesAttendee>;
/** One agenda item in the minutes: what was recorded (read-only) and what the office writes. */
export const MinutesItem = z.object({
  itemId: z.uuid(),
  number: z.number(),
  title: z.string(),
  presenter: z.string(),
  /** Rounds, positions summary and outcome, as recorded in the meeting. */
  record: z.array(z.string()),
  decisions: z.array(z.string()),
  discussion: z.string(),
});
export type MinutesItem = z.infer<typeof MinutesItem>;
export const MinutesContent = z.object({
  chair: z.string(),
  minuteTaker: z.string(),
  /** Actual start and end, Berlin wall-clock "HH:MM". */
  startedAt: z.string(),
  endedAt: z.string(),
  opening: z.string(),
  attendance: z.array(MinutesAttendee),
  guests: z.array(z.string()),
  items: z.array(MinutesItem),
  miscellaneous: z.string(),
});
export type MinutesContent = z.infer<typeof MinutesContent>;

export const MinutesVersion = z.object({
  version: z.number(),
  status: z.enum(['draft', 'circulated', 'approved']),
  body: z.string(),
  content: MinutesContent.nullable(),
  reason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type MinutesVersion = z.infer<typeof MinutesVersion>;
const ClockTime = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${what}: bitte als Uhrzeit wie 14:05 angeben.` });
/** What the office edits; the recorded parts (attendance, results) are taken from the meeting. */
export const MinutesInput = z.object({
  chair: Text(2, 200, 'Sitzungsleitung'),
  minuteTaker: Text(2, 200, 'Protokollführung'),
  startedAt: ClockTime('Beginn'),
  endedAt: ClockTime('Ende'),
  opening: z.string().trim().max(20_000, { error: 'Eröffnung: höchstens 20000 Zeichen.' }),
  items: z
    .array(
      z.object({
        itemId: z.uuid({ error: 'Unbekannter Tagesordnungspunkt.' }),
        discussion: z.string().trim().max(50_000, { error: 'Beratung: höchstens 50000 Zeichen.' }),
      }),
    )
    .max(200),
  miscellaneous: z.string().trim().max(20_000, { error: 'Verschiedenes: höchstens 20000 Zeichen.' }),
});
export type MinutesInput = z.infer<typeof MinutesInput>;
export const CorrectionInput = MinutesInput.extend({
  reason: z.string().trim().min(5, { error: 'Bitte begründen Sie die Berichtigung.' }).max(2000),
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;

/** A member's correction request on circulated minutes (Korrekturwunsch). */
export const MinutesRequest = z.object({
  id: z.uuid(),
  version: z.number(),
  memberName: z.string(),
  itemId: z.uuid().nullable(),
  itemLabel: z.string().nullable(),
  text: z.string(),
  status: z.enum(['open', 'accepted', 'declined']),
  note: z.string().nullable(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type MinutesRequest = z.infer<typeof MinutesRequest>;
export const MinutesRequestInput = z.object({
  text: Text(5, 5000, 'Korrekturwunsch'),
  itemId: z.uuid({ error: 'Unbekannter Tagesordnungspunkt.' }).nullable().default(null),
});
export const MinutesRequestDecision = z.object({
  status: z.enum(['accepted', 'declined'], { error: 'Bitte wählen Sie: übernommen oder abgelehnt.' }),
  note: Text(2, 2000, 'Vermerk'),
});
export const MinutesRequestParams = z.object({
  networkId: z.uuid(),
  meetingId: z.uuid(),
  requestId: z.uuid(),
});
export const MinutesExportParams = z.object({
  networkId: z.uuid(),
  meetingId: z.uuid(),
  version: z.coerce.number().int().min(1),
  format: z.enum(['pdf', 'docx']),
});

export const ProcedureInput = z.object({
  title: Text(3, 200, 'Titel'),
  proposal: Text(3, 20_000, 'Beschlussvorschlag'),
  decisionType: DecisionType,
  fieldId: z.uuid().nullable().default(null),
  deadline: LocalDateTime,
});
export type ProcedureInput = z.input<typeof ProcedureInput>;
export const Stance = z.enum(['consent', 'stand_aside', 'objection'], {
  error: 'Bitte wählen Sie: Zustimmung, Enthaltung oder Einwand.',
});
export type Stance = z.infer<typeof Stance>;
export const Procedure = z.object({
  id: z.uuid(),
  title: z.string(),
  proposal: z.string(),
  decisionType: DecisionType,
  fieldId: z.uuid().nullable(),
  deadline: z.iso.datetime({ offset: true }),
  status: z.enum(['open', 'taken', 'not_taken']),
  outcomeMessage: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  votes: z.array(
    z.object({
      memberId: z.uuid(),
      name: z.string(),
      side: z.string(),
      stance: Stance.nullable(),
      reason: z.string().nullable(),
      answeredAt: z.iso.datetime({ offset: true }).nullable(),
      /** link: the member answered; phone/paper: the office recorded it (recordedBy). */
      channel: AnswerChannel.nullable(),
      recordedBy: z.string().nullable(),
      /** No e-mail address: the member got no link; the office asks by phone or on paper. */
      noEmail: z.boolean(),
    }),
  ),
});
export type Procedure = z.infer<typeof Procedure>;
export const ProcedureParams = z.object({ networkId: z.uuid(), procedureId: z.uuid() });
export const VoteInfo = z.object({
  title: z.string(),
  proposal: z.string(),
  deadline: z.iso.datetime({ offset: true }),
  open: z.boolean(),
  status: z.enum(['open', 'taken', 'not_taken']),
  name: z.string(),
  stance: Stance.nullable(),
  reason: z.string().nullable(),
});
export type VoteInfo = z.infer<typeof VoteInfo>;
export const VoteInput = z.object({ stance: Stance, reason: z.string().trim().max(2000).default('') });

// ---- answers the office records, and the member's own calendar link ------------------------------

const OfficeChannel = z.enum(['phone', 'paper'], {
  error: 'Bitte wählen Sie, wie die Antwort eingegangen ist: telefonisch oder auf Papier.',
});
export const VoteRecordParams = z.object({
  networkId: z.uuid(),
  procedureId: z.uuid(),
  memberId: z.uuid(),
});
export const VoteRecordInput = VoteInput.extend({ channel: OfficeChannel });
export const ReplyRecordParams = z.object({
  networkId: z.uuid(),
  meetingId: z.uuid(),
  recipientId: z.uuid(),
});
export const ReplyRecordInput = ReplyInput.extend({ channel: OfficeChannel });
/** memberName null: the signed-in person is not a committee member in this network. */
export const CalendarLinkStatus = z.object({ memberName: z.string().nullable(), active: z.boolean() });
/** Shown once: only the hash of the link is stored. */
export const CalendarLink = z.object({ url: z.string() });
