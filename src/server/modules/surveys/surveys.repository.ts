import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bankQuestion, survey, surveyQuestion, surveyResponse, surveyToken } from './surveys.tables.js';

/* The surveys' queries, always within one network. */

export type SurveyRow = typeof survey.$inferSelect;
export type QuestionRow = typeof surveyQuestion.$inferSelect;

export async function surveysOf(
  db: Db,
  networkId: string,
  f: { subjectKind?: SurveyRow['subjectKind']; subjectIds?: string[] },
) {
  if (f.subjectIds && f.subjectIds.length === 0) return [];
  const answers = db
    .select({ surveyId: surveyResponse.surveyId, n: count().as('n') })
    .from(surveyResponse)
    .where(eq(surveyResponse.networkId, networkId))
    .groupBy(surveyResponse.surveyId)
    .as('answers');
  const questions = db
    .select({ surveyId: surveyQuestion.surveyId, q: count().as('q') })
    .from(surveyQuestion)
    .where(eq(surveyQuestion.networkId, networkId))
    .groupBy(surveyQuestion.surveyId)
    .as('questions');
  return db
    .select({
      survey,
      answers: sql<number>`coalesce(${answers.n}, 0)`.mapWith(Number),
      questions: sql<number>`coalesce(${questions.q}, 0)`.mapWith(Number),
    })
    .from(survey)
    .leftJoin(answers, eq(answers.surveyId, survey.id))
    .leftJoin(questions, eq(questions.surveyId, survey.id))
    .where(
      and(
        eq(survey.networkId, networkId),
        f.subjectKind ? eq(survey.subjectKind, f.subjectKind) : undefined,
        f.subjectIds ? inArray(survey.subjectId, f.subjectIds) : undefined,
      ),
    )
    .orderBy(desc(survey.year), asc(survey.title));
}

export async function surveyById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(survey)
    .where(and(eq(survey.networkId, networkId), eq(survey.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export const questionsOf = (db: Db, surveyId: string) =>
  db
    .select()
    .from(surveyQuestion)
    .where(eq(surveyQuestion.surveyId, surveyId))
    .orderBy(asc(surveyQuestion.position));

export async function insertQuestion(tx: Db, values: typeof surveyQuestion.$inferInsert) {
  const [row] = await tx.insert(surveyQuestion).values(values).returning();
  return row!;
}

export async function updateQuestion(
  tx: Db,
  id: string,
  values: Partial<typeof surveyQuestion.$inferInsert>,
) {
  await tx.update(surveyQuestion).set(values).where(eq(surveyQuestion.id, id));
}

export async function deleteQuestion(tx: Db, id: string) {
  await tx.delete(surveyQuestion).where(eq(surveyQuestion.id, id));
}

export async function insertSurvey(tx: Db, values: typeof survey.$inferInsert) {
  const [row] = await tx.insert(survey).values(values).returning();
  return row!;
}

export async function updateSurvey(tx: Db, id: string, values: Partial<typeof survey.$inferInsert>) {
  await tx
    .update(survey)
    .set({ ...values, version: sql`${survey.version} + 1`, updatedAt: new Date() })
    .where(eq(survey.id, id));
}

export async function responseCount(db: Db, surveyId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(surveyResponse)
    .where(eq(surveyResponse.surveyId, surveyId));
  return row?.n ?? 0;
}

export async function responsesOf(db: Db, surveyId: string) {
  const rows = await db
    .select({ answers: surveyResponse.answers })
    .from(surveyResponse)
    .where(eq(surveyResponse.surveyId, surveyId))
    // Random ids: this order says nothing about when an answer came.
    .orderBy(asc(surveyResponse.id));
  return rows.map((r) => r.answers);
}

export async function tokenCount(db: Db, surveyId: string) {
  const [row] = await db.select({ n: count() }).from(surveyToken).where(eq(surveyToken.surveyId, surveyId));
  return row?.n ?? 0;
}

export async function insertTokens(tx: Db, networkId: string, surveyId: string, hashes: string[]) {
  if (hashes.length === 0) return;
  await tx.insert(surveyToken).values(hashes.map((tokenHash) => ({ networkId, surveyId, tokenHash })));
}

export async function tokenByHash(db: Db, tokenHash: string) {
  const [row] = await db.select().from(surveyToken).where(eq(surveyToken.tokenHash, tokenHash));
  return row;
}

/** Flips the token to used unless it already was: true for exactly one of several parallel answers. */
export async function useToken(tx: Db, id: string): Promise<boolean> {
  const rows = await tx
    .update(surveyToken)
    .set({ used: true })
    .where(and(eq(surveyToken.id, id), eq(surveyToken.used, false)))
    .returning({ id: surveyToken.id });
  return rows.length === 1;
}

export async function insertResponse(
  tx: Db,
  networkId: string,
  surveyId: string,
  answers: SurveyResponseAnswers,
) {
  await tx.insert(surveyResponse).values({ networkId, surveyId, answers });
}
type SurveyResponseAnswers = typeof surveyResponse.$inferInsert.answers;

/** The same instrument's newest survey of an earlier year (the comparison). */
export async function previousOfInstrument(db: Db, networkId: string, instrument: string, year: number) {
  const [row] = await db
    .select()
    .from(survey)
    .where(and(eq(survey.networkId, networkId), eq(survey.instrument, instrument), lt(survey.year, year)))
    .orderBy(desc(survey.year))
    .limit(1);
  return row;
}

export const bankOf = (db: Db, networkId: string) =>
  db.select().from(bankQuestion).where(eq(bankQuestion.networkId, networkId)).orderBy(asc(bankQuestion.text));

export async function bankById(db: Db, networkId: string, id: string) {
  const [row] = await db
    .select()
    .from(bankQuestion)
    .where(and(eq(bankQuestion.networkId, networkId), eq(bankQuestion.id, id)));
  return row;
}

export async function insertBank(tx: Db, values: typeof bankQuestion.$inferInsert) {
  const [row] = await tx.insert(bankQuestion).values(values).returning();
  return row!;
}

/** The network of a survey, for minting a link at delivery (the mail worker acts for no member). */
export async function networkOfSurvey(db: Db, surveyId: string) {
  const [row] = await db.select({ networkId: survey.networkId }).from(survey).where(eq(survey.id, surveyId));
  return row?.networkId;
}
