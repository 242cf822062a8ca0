import { and, eq } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps, NetworkActor } from '../lib/context.js';
import * as answers from '../modules/surveys/answers.service.js';
import * as surveys from '../modules/surveys/surveys.service.js';
import { demoOffice } from './demo-office.js';

/*
 * The evaluation of the demo network: last year's conference feedback (2025, for the comparison), the
 * 2026 conference's feedback closed with 45 answers, the 2027 one as a draft, and the yearly survey of
 * the network's actors open with 4 answers (below five: its results stay hidden). Everything goes through
 * the surveys' use cases; answers are invented and deterministic.
 */

/** A small deterministic random source (mulberry32), so the demo's answers are the same on every load. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'Mehr Zeit für Austausch zwischen Schulen und Betrieben',
  'Praxisbeispiele aus anderen Kreisen',
  'Ganztag und Übergang Kita–Schule',
  'Digitale Lernmittel im Unterricht',
  'Inklusion in der Berufsorientierung',
  'Kürzere Vorträge, mehr Workshops',
];

/** The demo event by title, or a minimal one of the demo when the planning part's seed is missing. */
async function eventByTitle(
  deps: Deps,
  networkId: string,
  title: string,
  startsAt: string,
  status: 'held' | 'registration_open',
) {
  const [found] = await deps.db
    .select({ id: t.event.id })
    .from(t.event)
    .where(and(eq(t.event.networkId, networkId), eq(t.event.title, title)));
  if (found) return found.id;
  const start = new Date(startsAt);
  const [row] = await deps.db
    .insert(t.event)
    .values({
      networkId,
      type: 'conference',
      title,
      startsAt: start,
      endsAt: new Date(start.getTime() + 7 * 3600_000),
      venue: 'Kreishaus Meschede',
      public: true,
      status,
      example: true,
    })
    .returning({ id: t.event.id });
  return row!.id;
}

async function answerAll(
  deps: Deps,
  actor: NetworkActor,
  surveyId: string,
  n: number,
  make: (rnd: () => number, byKey: Map<string, string>) => Record<string, string | string[] | number>,
  seed: number,
) {
  const s = await surveys.getSurvey(deps, actor, surveyId);
  const byKey = new Map(s.questionList.map((q) => [q.key ?? q.id, q.id]));
  const { urls } = await answers.mintLinks(deps, actor, surveyId, { count: n });
  const rnd = random(seed);
  for (const url of urls)
    await answers.submitAnswer(deps, url.split('/befragung/')[1]!, { answers: make(rnd, byKey) });
}

/** A Likert answer leaning to `centre` (1–5). */
const likert = (rnd: () => number, centre: number) =>
  Math.min(5, Math.max(1, Math.round(centre + (rnd() - 0.5) * 2.6)));

const conferenceAnswer = (centre: number) => (rnd: () => number, q: Map<string, string>) => {
  const a: Record<string, string | number> = {
    [q.get('overall')!]: likert(rnd, centre),
    [q.get('programme')!]: likert(rnd, centre - 0.2),
    [q.get('workshops')!]: likert(rnd, centre - 0.4),
    [q.get('organisation')!]: likert(rnd, centre + 0.3),
    [q.get('role')!]: ['Schule', 'Schule', 'Schule', 'Kita', 'Jugendhilfe', 'Wirtschaft', 'Verwaltung'][
      Math.floor(rnd() * 7)
    ]!,
  };
  if (rnd() < 0.4) a[q.get('next-topics')!] = TOPICS[Math.floor(rnd() * TOPICS.length)]!;
  return a;
};

export async function seedSurveysDemo(deps: Deps, networkId: string): Promise<void> {
  const [existing] = await deps.db
    .select({ id: t.survey.id })
    .from(t.survey)
    .where(and(eq(t.survey.networkId, networkId), eq(t.survey.title, 'Rückmeldung Bildungskonferenz 2026')));
  if (existing) return;
  const actor = (await demoOffice(deps.db, networkId))!;
  const conf2026 = await eventByTitle(
    deps,
    networkId,
    'Bildungskonferenz 2026',
    '2026-06-18T07:00:00Z',
    'held',
  );
  const conf2027 = await eventByTitle(
    deps,
    networkId,
    'Bildungskonferenz 2027',
    '2027-02-25T08:00:00Z',
    'registration_open',
  );

  const run = async (
    input: Parameters<typeof surveys.createSurvey>[2],
    answers: number,
    make: Parameters<typeof answerAll>[4],
    seed: number,
    close: boolean,
  ) => {
    const s = await surveys.createSurvey(deps, actor, input);
    const opened = await surveys.changeStatus(deps, actor, s.id, { status: 'open', version: s.version });
    if (answers > 0) await answerAll(deps, actor, s.id, answers, make, seed);
    if (close) {
      const now = await surveys.getSurvey(deps, actor, s.id);
      await surveys.changeStatus(deps, actor, s.id, { status: 'closed', version: now.version });
    }
    return opened;
  };

  // Last year's conference (2025): the comparison for 2026, about the network as its event is not kept.
  await run(
    {
      title: 'Rückmeldung Bildungskonferenz 2025',
      intro: '',
      subjectKind: 'network',
      year: 2025,
      instrument: 'conference-feedback',
    },
    38,
    conferenceAnswer(3.4),
    2025,
    true,
  );
  await run(
    {
      title: 'Rückmeldung Bildungskonferenz 2026',
      intro: 'Vielen Dank für Ihre Teilnahme an der Bildungskonferenz 2026 im Kreishaus Meschede.',
      subjectKind: 'event',
      subjectId: conf2026,
      year: 2026,
      instrument: 'conference-feedback',
    },
    45,
    conferenceAnswer(3.9),
    2026,
    true,
  );
  await surveys.createSurvey(deps, actor, {
    title: 'Rückmeldung Bildungskonferenz 2027',
    intro: 'Wie war die Bildungskonferenz 2027? Ihre Rückmeldung hilft uns bei der Planung.',
    subjectKind: 'event',
    subjectId: conf2027,
    year: 2027,
    instrument: 'conference-feedback',
  });
  await run(
    {
      title: 'Jährliche Befragung der Netzwerkakteure 2026',
      intro: 'Wie erleben Sie die Zusammenarbeit im Regionalen Bildungsnetzwerk?',
      subjectKind: 'network',
      year: 2026,
      instrument: 'network-actors-annual',
    },
    4,
    (rnd, q) => ({
      [q.get('benefit')!]: likert(rnd, 4),
      [q.get('information')!]: likert(rnd, 3.5),
      [q.get('participation')!]: likert(rnd, 3),
    }),
    2026_1,
    false,
  );
}
