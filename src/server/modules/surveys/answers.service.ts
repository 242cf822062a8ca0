import type { z } from 'zod';
import type { AnswerForm, AnswerInput, LinksInput, SurveyResults } from '../../../contracts/surveys.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { hashToken, newToken } from '../../lib/tokens.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { eventIdsOfField, participantsOfEvent, visibleEvent } from '../events/events.service.js';
import { linkGone, mailLinkPlaceholder, registerMailLink } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { aggregate, inGroup, parseGroup, previousMeans, validateAnswers } from './survey.rules.js';
import * as repo from './surveys.repository.js';
import { loadSurvey, toQuestion } from './surveys.service.js';

/* Answering and results: anonymous answer links (minted for the office, or at delivery of the mail to
 * each participant), the answer form behind a link, and results that never break down to fewer than
 * MIN_CELL answers, compared with last year's instrument. */

const answerPath = (token: string) => `/befragung/${token}`;

/** Mints one anonymous answer link at delivery (the placeholder `[[survey-link:<surveyId>]]`). */
async function mintSurveyLink(db: Db, baseUrl: string, surveyId: string) {
  const networkId = await repo.networkOfSurvey(db, surveyId);
  if (!networkId) return '(Link nicht mehr gültig)';
  const token = newToken();
  await repo.insertTokens(db, networkId, surveyId, [hashToken(token)]);
  return `${baseUrl}${answerPath(token)}`;
}
registerMailLink('survey-link', mintSurveyLink);

/** N anonymous links, shown once (hashes stored, no person): for a mailing of the office's own. */
export async function mintLinks(
  deps: Deps,
  actor: NetworkActor,
  id: string,
  input: z.output<typeof LinksInput>,
) {
  authorize(actor.role, 'surveys.manage');
  const s = await loadSurvey(deps.db, actor, id);
  if (s.status === 'closed')
    throw new DomainError('surveys.closed', 'Die Befragung ist abgeschlossen.', 'conflict');
  const tokens = Array.from({ length: input.count }, () => newToken());
  await deps.db.transaction(async (tx) => {
    await repo.insertTokens(tx, actor.networkId, id, tokens.map(hashToken));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'survey',
      entityId: id,
      summary: `${input.count} Antwortlinks für „${s.title}“ erzeugt`,
    });
  });
  return { urls: tokens.map((t) => `${deps.config.baseUrl}${answerPath(t)}`) };
}

/**
 * One mail per participant of the surveyed event (confirmed or checked in). The mail holds only a
 * placeholder; the anonymous link is minted when the mail leaves, so neither the outbox nor the token
 * knows whom it went to.
 */
export async function sendToParticipants(deps: Deps, actor: NetworkActor, id: string) {
  authorize(actor.role, 'surveys.manage');
  const s = await loadSurvey(deps.db, actor, id);
  if (s.subjectKind !== 'event' || !s.subjectId)
    throw new DomainError(
      'surveys.not_event',
      'Nur die Befragung zu einer Veranstaltung geht an ihre Teilnehmenden.',
      'conflict',
    );
  if (s.status !== 'open')
    throw new DomainError(
      'surveys.not_open',
      'Bitte öffnen Sie die Befragung, bevor Sie die Links versenden.',
      'conflict',
    );
  const ev = await visibleEvent(deps.db, actor, s.subjectId);
  const people = await participantsOfEvent(deps.db, actor.networkId, ev.id);
  const seen = new Set<string>();
  await deps.db.transaction(async (tx) => {
    for (const p of people) {
      const to = p.email.trim().toLowerCase();
      if (!to || seen.has(to)) continue;
      seen.add(to);
      await enqueueMail(tx, {
        networkId: actor.networkId,
        to,
        toName: `${p.firstName} ${p.lastName}`,
        subject: `Ihre Rückmeldung: ${s.title}`,
        text: [
          `Guten Tag ${p.firstName} ${p.lastName},`,
          '',
          `vielen Dank für Ihre Teilnahme an „${ev.title}“. Wir freuen uns über Ihre Rückmeldung – sie dauert etwa fünf Minuten und ist anonym: Ihre Antworten werden ohne Namen und ohne Zeitpunkt gespeichert.`,
          '',
          `Zur Befragung: ${mailLinkPlaceholder('survey-link', s.id)}`,
          '',
          'Der Link gilt für eine Antwort.',
        ].join('\n'),
        sensitive: true,
      });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'survey',
      entityId: id,
      summary: `Befragung „${s.title}“ an ${seen.size} Teilnehmende versandt`,
    });
  });
  return { queued: seen.size };
}

async function openToken(db: Db, token: string) {
  const t = await repo.tokenByHash(db, hashToken(token));
  if (!t) throw notFound('Die Befragung');
  if (t.used) throw linkGone('surveys.used', 'Mit diesem Link wurde schon geantwortet. Vielen Dank!');
  const s = await repo.surveyById(db, t.networkId, t.surveyId);
  if (!s) throw notFound('Die Befragung');
  if (s.status === 'closed')
    throw linkGone('surveys.closed', 'Die Befragung ist abgeschlossen. Vielen Dank!');
  if (s.status !== 'open')
    throw new DomainError('surveys.not_open', 'Die Befragung ist noch nicht geöffnet.', 'conflict');
  return { t, s };
}

export async function answerForm(deps: Deps, token: string): Promise<z.output<typeof AnswerForm>> {
  const { s } = await openToken(deps.db, token);
  return {
    title: s.title,
    intro: s.intro,
    questions: (await repo.questionsOf(deps.db, s.id)).map(toQuestion),
  };
}

/** Stores one anonymous answer: the token only flips to used; the answer knows neither token nor time. */
export async function submitAnswer(deps: Deps, token: string, input: z.output<typeof AnswerInput>) {
  const { t, s } = await openToken(deps.db, token);
  const clean = validateAnswers(await repo.questionsOf(deps.db, s.id), input.answers);
  await deps.db.transaction(async (tx) => {
    if (!(await repo.useToken(tx, t.id)))
      throw linkGone('surveys.used', 'Mit diesem Link wurde schon geantwortet. Vielen Dank!');
    await repo.insertResponse(tx, s.networkId, s.id, clean);
  });
  return { ok: true as const };
}

async function resultsOf(db: Db, s: repo.SurveyRow, group: string | null): Promise<SurveyResults> {
  const questions = await repo.questionsOf(db, s.id);
  const responses = inGroup(await repo.responsesOf(db, s.id), parseGroup(group ?? undefined));
  const now = aggregate(questions, responses);
  let previous: SurveyResults['previous'] = null;
  let before = new Map<string, number>();
  const prev = s.instrument
    ? await repo.previousOfInstrument(db, s.networkId, s.instrument, s.year)
    : undefined;
  if (prev) {
    const all = aggregate(await repo.questionsOf(db, prev.id), await repo.responsesOf(db, prev.id));
    previous = { surveyId: prev.id, title: prev.title, year: prev.year, n: all.n };
    before = previousMeans(all.questions);
  }
  return {
    surveyId: s.id,
    title: s.title,
    n: now.n,
    tooFew: now.tooFew,
    group,
    previous,
    questions: now.questions.map((q) => ({ ...q, previousMean: q.key ? (before.get(q.key) ?? null) : null })),
  };
}

export async function surveyResults(deps: Deps, actor: NetworkActor, id: string, group?: string) {
  authorize(actor.role, 'surveys.read');
  const s = await loadSurvey(deps.db, actor, id);
  if (group) {
    const [qid] = group.split(':');
    const q = (await repo.questionsOf(deps.db, id)).find((x) => x.id === qid);
    if (!q || q.kind === 'text') throw new DomainError('surveys.group', 'Unbekannte Gruppe.', 'invalid');
  }
  return resultsOf(deps.db, s, group ?? null);
}

/** The results of the surveys about a field of action or about the events in it (quality page). */
export async function fieldSurveyResults(deps: Deps, actor: NetworkActor, fieldId: string) {
  authorize(actor.role, 'surveys.read');
  if (!(await fieldNames(deps.db, actor.networkId, [fieldId])).has(fieldId))
    throw notFound('Das Handlungsfeld');
  const ofField = await repo.surveysOf(deps.db, actor.networkId, {
    subjectKind: 'field',
    subjectIds: [fieldId],
  });
  const eventIds = await eventIdsOfField(deps.db, actor.networkId, fieldId);
  const ofEvents = await repo.surveysOf(deps.db, actor.networkId, {
    subjectKind: 'event',
    subjectIds: eventIds,
  });
  const list = [...ofField, ...ofEvents].filter((r) => r.survey.status !== 'draft');
  return Promise.all(list.map((r) => resultsOf(deps.db, r.survey, null)));
}

export async function exportRows(deps: Deps, actor: NetworkActor, id: string) {
  const r = await surveyResults(deps, actor, id);
  const questions = await repo.questionsOf(deps.db, id);
  const raw = r.tooFew ? [] : await repo.responsesOf(deps.db, id);
  return { results: r, questions, raw };
}
