import { z } from 'zod';
import { Progress } from './work.js';

/* Progress reports (Sachstandsberichte) on work orders and projects, and the agenda's office report. */

export const ReportSubjectKind = z.enum(['work_order', 'project']);
export type ReportSubjectKind = z.infer<typeof ReportSubjectKind>;

const uuid = (what: string) => z.uuid({ error: `${what} ist unbekannt.` });

/** What a report is about: exactly one work order or one project. */
export const ReportSubjectQuery = z
  .object({
    orderId: uuid('Der Arbeitsauftrag').optional(),
    projectId: uuid('Das Projekt').optional(),
  })
  .refine((s) => !!s.orderId !== !!s.projectId, {
    error: 'Bitte nennen Sie genau einen Arbeitsauftrag oder ein Projekt.',
  });

export const ReportText = z
  .string({ error: 'Bitte schreiben Sie den Sachstand.' })
  .trim()
  .min(1, { error: 'Bitte schreiben Sie den Sachstand.' })
  .max(10_000, { error: 'Der Sachstand ist zu lang (höchstens 10.000 Zeichen).' });

export const ReportInput = z
  .object({
    orderId: uuid('Der Arbeitsauftrag').optional(),
    projectId: uuid('Das Projekt').optional(),
    text: ReportText,
    progress: Progress,
  })
  .refine((s) => !!s.orderId !== !!s.projectId, {
    error: 'Bitte nennen Sie genau einen Arbeitsauftrag oder ein Projekt.',
  });
export type ReportInput = z.infer<typeof ReportInput>;

export const ReportUpdate = z.object({
  text: ReportText,
  progress: Progress,
  // The draft as read (its last change): a stale save is refused (409), nothing overwritten silently.
  updatedAt: z.iso.datetime({ offset: true, error: 'Bitte laden Sie den Bericht neu.' }),
});
export type ReportUpdate = z.infer<typeof ReportUpdate>;

export const ReportParams = z.object({ networkId: z.uuid(), reportId: z.uuid() });

/** The state reported, as of the meeting that took the report. */
export const ReportSnapshot = z.object({
  status: z.string(),
  progress: z.number(),
  tasksDone: z.number().optional(),
  tasksTotal: z.number().optional(),
});
export type ReportSnapshot = z.infer<typeof ReportSnapshot>;

/** The order or project a report is about, as it stands now. */
export const ReportSubject = z.object({
  kind: ReportSubjectKind,
  id: z.uuid(),
  // "AA-2027-03 Praxisphasen-Portal" or the project's title.
  label: z.string(),
  status: z.string(),
  progress: z.number(),
  fieldName: z.string().nullable(),
  reportDueOn: z.string().nullable(),
});
export type ReportSubject = z.infer<typeof ReportSubject>;

export const ProgressReport = z.object({
  id: z.uuid(),
  subject: z.object({ kind: ReportSubjectKind, id: z.uuid(), label: z.string() }),
  text: z.string(),
  progress: z.number(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  // Set once the report is taken into a meeting: from then on it never changes.
  frozenAt: z.string().nullable(),
  snapshot: ReportSnapshot.nullable(),
  meeting: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
  agendaItemId: z.uuid().nullable(),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

export const ReportList = z.object({ subject: ReportSubject, reports: z.array(ProgressReport) });
export type ReportList = z.infer<typeof ReportList>;

/** Why a subject belongs in the office report (reports.rules.ts `dueReason`). */
export const DueReason = z.enum(['due_date', 'state_changed', 'field_ended', 'returned']);
export type DueReason = z.infer<typeof DueReason>;

export const ProposalEntry = z.object({
  subject: ReportSubject,
  reason: DueReason,
  // The newest draft not yet taken into a meeting, if the office wrote one.
  draft: z.object({ id: z.uuid(), text: z.string(), progress: z.number() }).nullable(),
  // The text the dialog offers: the draft's, or one written from the subject's state.
  text: z.string(),
  progress: z.number(),
  // Returned orders and orders of an ended field need the committee: a decision item is proposed too.
  needsDecision: z.boolean(),
});
export type ProposalEntry = z.infer<typeof ProposalEntry>;

export const OfficeReportProposal = z.object({
  meetingId: z.uuid(),
  meetingDay: z.string(),
  // False once the meeting is held: the agenda is fixed then.
  open: z.boolean(),
  entries: z.array(ProposalEntry),
  // The office report already on this meeting's agenda, if any.
  existingItemId: z.uuid().nullable(),
});
export type OfficeReportProposal = z.infer<typeof OfficeReportProposal>;

export const OfficeReportInput = z.object({
  entries: z
    .array(
      z.object({
        kind: ReportSubjectKind,
        id: z.uuid({ error: 'Unbekannter Auftrag oder unbekanntes Projekt.' }),
        text: ReportText,
        progress: Progress,
      }),
    )
    .min(1, { error: 'Bitte wählen Sie mindestens einen Bericht aus.' })
    .max(200),
  // Put returned and field-ended orders on the agenda as decision items as well.
  proposeDecisions: z.boolean().default(false),
});
export type OfficeReportInput = z.infer<typeof OfficeReportInput>;

export const OfficeReportResult = z.object({
  itemId: z.uuid(),
  reportIds: z.array(z.uuid()),
  decisionItemIds: z.array(z.uuid()),
});
export type OfficeReportResult = z.infer<typeof OfficeReportResult>;
