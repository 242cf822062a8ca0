import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { fieldOfAction } from '../contract/contract.tables.js';
import { storedFile } from '../files/files.tables.js';
import { createdAt, networkRef, updatedAt, userRef } from '../networks/networks.tables.js';
import { agendaItem, decision, meeting } from '../steering/steering.tables.js';

/*
 * The office's work programme (Arbeitsprogramm): goals, work plans, work orders, projects with tasks,
 * and progress reports. Everything starts from a taken decision of the steering committee and is joined
 * to it, and to what follows, by trace links (trace.tables.ts).
 */

export const goalStatuses = ['active', 'achieved', 'adjusted', 'dropped'] as const;

/**
 * A goal (Ziel) in a field of action, created from a taken decision of type goal. Changed only by a new
 * decision: each change is a row in goal_version, and `version` names the current one.
 */
export const goal = pgTable(
  'goal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    fieldId: uuid('field_id')
      .notNull()
      .references(() => fieldOfAction.id),
    // The decision that set the goal; later changes name theirs in goal_version.
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decision.id),
    statement: text('statement').notNull(),
    // The measurable target or milestone, in words.
    target: text('target').notNull().default(''),
    // Optional indicator (filled by the data module later): name, target value and the year it is due.
    indicatorName: text('indicator_name'),
    indicatorTarget: text('indicator_target'),
    indicatorYear: integer('indicator_year'),
    horizonYear: integer('horizon_year').notNull(),
    owner: text('owner').notNull().default(''),
    status: text('status', { enum: goalStatuses }).notNull().default('active'),
    reviewOn: date('review_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('goal_network_field_idx').on(t.networkId, t.fieldId)],
);

/** Every state a goal had, and the decision that brought it; version 1 is the goal as first set. */
export const goalVersion = pgTable(
  'goal_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goal.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decision.id),
    statement: text('statement').notNull(),
    target: text('target').notNull(),
    indicatorName: text('indicator_name'),
    indicatorTarget: text('indicator_target'),
    indicatorYear: integer('indicator_year'),
    horizonYear: integer('horizon_year').notNull(),
    owner: text('owner').notNull(),
    status: text('status', { enum: goalStatuses }).notNull(),
    reviewOn: date('review_on', { mode: 'string' }),
    // Why the course changed (the review's finding), shown in the quality cycle.
    reason: text('reason').notNull().default(''),
    changedBy: userRef('changed_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('goal_version_idx').on(t.goalId, t.version)],
);

/** The work plan (Arbeitsplanung) of one field of action for one year; its content lives in versions. */
export const workPlan = pgTable(
  'work_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    fieldId: uuid('field_id')
      .notNull()
      .references(() => fieldOfAction.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    // The version the committee agreed (null while only drafts exist).
    agreedVersionId: uuid('agreed_version_id'),
    // Shown on the network's public page (the agreed version only).
    published: boolean('published').notNull().default(false),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('work_plan_field_year_idx').on(t.networkId, t.fieldId, t.year)],
);

/**
 * One entry of a work plan: a goal it pursues or a measure (project, event, product such as a handout,
 * other measure). Kept inside the version as JSON: a version is a snapshot that never changes.
 */
export type WorkPlanEntry = {
  kind: 'goal' | 'project' | 'event' | 'product' | 'measure';
  title: string;
  description: string;
  goalId: string | null;
  projectId: string | null;
  dueOn: string | null;
};

export const workPlanVersion = pgTable(
  'work_plan_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => workPlan.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    entries: jsonb('entries').$type<WorkPlanEntry[]>().notNull().default([]),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['draft', 'agreed', 'superseded'] })
      .notNull()
      .default('draft'),
    // The decision (type work_plan) that agreed this version.
    decisionId: uuid('decision_id').references(() => decision.id),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('work_plan_version_idx').on(t.planId, t.version)],
);

export const workOrderStatuses = ['new', 'accepted', 'in_progress', 'done', 'reported', 'returned'] as const;

/** A project (Projekt) of the office: groups work orders and tasks. */
export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    fieldId: uuid('field_id').references(() => fieldOfAction.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    leadId: userRef('lead_id'),
    startOn: date('start_on', { mode: 'string' }),
    endOn: date('end_on', { mode: 'string' }),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // The next progress report due to the committee (the agenda's office report offers it from then).
    reportDueOn: date('report_due_on', { mode: 'string' }),
    // Optimistic concurrency: a save names the version it read; a stale one is refused (409).
    version: integer('version').notNull().default(1),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('project_network_idx').on(t.networkId, t.status)],
);

/**
 * A work order (Arbeitsauftrag) to the office, created only from a taken decision of type work order,
 * in a field of action joint on the order's date. Numbered per network and year (AA-2027-03).
 */
export const workOrder = pgTable(
  'work_order',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decision.id),
    fieldId: uuid('field_id')
      .notNull()
      .references(() => fieldOfAction.id),
    // The contract version the scope guard found in force on the order's date.
    contractVersionId: uuid('contract_version_id'),
    title: text('title').notNull(),
    expectedResult: text('expected_result').notNull().default(''),
    orderedOn: date('ordered_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    assigneeId: text('assignee_id')
      .notNull()
      .references(() => user.id),
    status: text('status', { enum: workOrderStatuses }).notNull().default('new'),
    returnReason: text('return_reason'),
    // 0..100, set by the assignee; a project rolls it up with `weight`.
    progress: integer('progress').notNull().default(0),
    weight: integer('weight').notNull().default(1),
    projectId: uuid('project_id').references(() => project.id),
    // The next progress report due to the committee.
    reportDueOn: date('report_due_on', { mode: 'string' }),
    // "Handlungsfeld beendet" is not stored: orders.service `endedFieldsOf` computes it from the contract.
    version: integer('version').notNull().default(1),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('work_order_number_idx').on(t.networkId, t.year, t.seq),
    index('work_order_network_status_idx').on(t.networkId, t.status, t.dueOn),
    index('work_order_assignee_idx').on(t.assigneeId, t.status, t.dueOn),
    index('work_order_decision_idx').on(t.decisionId),
    check('work_order_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
    check('work_order_weight_range', sql`${t.weight} >= 0`),
  ],
);

/** Each change of a work order's state, with who and why: the order's own history. */
export const workOrderEvent = pgTable(
  'work_order_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrder.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: workOrderStatuses }),
    toStatus: text('to_status', { enum: workOrderStatuses }).notNull(),
    progress: integer('progress'),
    note: text('note').notNull().default(''),
    actorId: userRef('actor_id'),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('work_order_event_order_idx').on(t.orderId, t.createdAt)],
);

export type ChecklistItem = { label: string; done: boolean };

/** A task (Aufgabe) in a project, optionally under one of its work orders; internal to the office. */
export const projectTask = pgTable(
  'project_task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id').references(() => workOrder.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    assigneeId: userRef('assignee_id'),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    progress: integer('progress').notNull().default(0),
    weight: integer('weight').notNull().default(1),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('project_task_project_idx').on(t.projectId, t.position),
    index('project_task_assignee_idx').on(t.assigneeId, t.status, t.dueOn),
    check('project_task_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
    check('project_task_weight_range', sql`${t.weight} >= 0`),
  ],
);

export const projectMilestone = pgTable(
  'project_milestone',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    reachedOn: date('reached_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('project_milestone_project_idx').on(t.projectId, t.dueOn)],
);

/** A partner in a project: a named institution now, a contact of the address book once it exists. */
export const projectPartner = pgTable(
  'project_partner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    // The address book's institution, once the contacts module exists.
    institutionId: uuid('institution_id'),
    createdAt: createdAt(),
  },
  (t) => [index('project_partner_project_idx').on(t.projectId)],
);

export const projectDocument = pgTable(
  'project_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    title: text('title').notNull(),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('project_document_project_idx').on(t.projectId)],
);

/**
 * A progress report (Sachstandsbericht) on a work order or a project. Drafted by the office; taken into
 * a committee meeting by the agenda's "Bericht aus dem Bildungsbüro", which freezes it with that meeting
 * (`frozenAt`, and the state reported in `snapshot`). A frozen report never changes.
 */
export const progressReport = pgTable(
  'progress_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    orderId: uuid('order_id').references(() => workOrder.id),
    projectId: uuid('project_id').references(() => project.id),
    text: text('text').notNull(),
    progress: integer('progress').notNull(),
    // The state reported: order status/progress or project roll-up, tasks done/total, as of the freeze.
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull().default({}),
    meetingId: uuid('meeting_id').references(() => meeting.id),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    authorId: userRef('author_id'),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('progress_report_order_idx').on(t.orderId, t.createdAt),
    index('progress_report_project_idx').on(t.projectId, t.createdAt),
    index('progress_report_item_idx').on(t.agendaItemId),
    check('progress_report_subject', sql`(${t.orderId} IS NULL) <> (${t.projectId} IS NULL)`),
    check('progress_report_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);

/** The office desk's reminder mails: at most one per person and day, whatever is due. */
export const workReminder = pgTable(
  'work_reminder',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    items: integer('items').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('work_reminder_day_idx').on(t.networkId, t.userId, t.day)],
);
