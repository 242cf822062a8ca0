import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { questionKinds, surveyStatuses, surveySubjects } from '../../../contracts/events.js';
import { createdAt, networkRef, updatedAt, userRef } from '../networks/networks.tables.js';

/*
 * Evaluation: surveys with questions of four kinds, attached to an event or session, a project, a field of
 * action or the whole network. Answers are anonymous: an answer row carries neither a person, nor a link,
 * nor a time; the tokens that let someone answer once are kept apart and only know whether they were used.
 */

/** A condition: show this question only when the earlier question `questionId` was answered with one of `values`. */
export type QuestionCondition = { questionId: string; values: string[] };

export const survey = pgTable(
  'survey',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    subjectKind: text('subject_kind', { enum: surveySubjects }).notNull(),
    // The event, session, project or field of action surveyed (null for the whole network).
    subjectId: uuid('subject_id'),
    // The year it belongs to (results are compared with the same instrument's survey of the year before).
    year: integer('year').notNull(),
    // A standard instrument (e.g. 'conference-feedback') makes surveys comparable across years.
    instrument: text('instrument'),
    status: text('status', { enum: surveyStatuses }).notNull().default('draft'),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('survey_subject_idx').on(t.networkId, t.subjectKind, t.subjectId)],
);

export const surveyQuestion = pgTable(
  'survey_question',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: questionKinds }).notNull(),
    text: text('text').notNull(),
    // Choices of single/multiple; the five labels of a Likert scale (1 … 5).
    options: jsonb('options').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    // A stable key shared by the same question across years (comparison with last year's conference).
    key: text('key'),
    condition: jsonb('condition').$type<QuestionCondition | null>(),
    createdAt: createdAt(),
  },
  (t) => [index('survey_question_survey_idx').on(t.surveyId, t.position)],
);

/** The office's question bank: questions to reuse in later surveys. */
export const bankQuestion = pgTable(
  'bank_question',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    kind: text('kind', { enum: questionKinds }).notNull(),
    text: text('text').notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    key: text('key'),
    topic: text('topic').notNull().default(''),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('bank_question_network_idx').on(t.networkId)],
);

/**
 * One answer link: only the hash of its token and whether it was used; nothing joins it to the answer
 * it allowed. Tokens are minted in batches for a mailing and carry no person.
 */
export const surveyToken = pgTable(
  'survey_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    used: boolean('used').notNull().default(false),
  },
  (t) => [index('survey_token_survey_idx').on(t.surveyId)],
);

/**
 * An anonymous answer: the answers by question id; no person, no token, no time (the id is a random
 * UUID, so it betrays no order either).
 */
export const surveyResponse = pgTable(
  'survey_response',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Record<string, string | string[] | number>>().notNull(),
  },
  (t) => [index('survey_response_survey_idx').on(t.surveyId)],
);
