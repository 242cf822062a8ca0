import { eq } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { listFields } from '../modules/contract/contract.service.js';
import * as work from '../modules/work/work.service.js';
import { demoOffice } from './demo-office.js';

type DemoGoal = { statement: string; target: string; reviewOn: string; indicator?: string };

/** Invented goals per field of action: statement, measurable target, review day. */
const GOALS: Record<
  string,
  Array<{ statement: string; target: string; reviewOn: string; indicator?: string }>
> = {
  'Übergang Schule – Beruf (KAoA)': [
    {
      statement: 'Alle weiterführenden Schulen im Kreis bieten die Standardelemente von KAoA vollständig an.',
      target: '100 % der Schulen bis Schuljahr 2027/28',
      reviewOn: '2026-11-15',
      indicator: 'Anteil der Schulen mit allen Standardelementen',
    },
    {
      statement: 'Jede Schülerin und jeder Schüler der Klasse 8 findet einen Praxisplatz über das Portal.',
      target: 'Praxisphasen-Portal mit 300 Plätzen bis Herbst 2027',
      reviewOn: '2027-03-01',
    },
  ],
  'Übergang Kita – Grundschule': [
    {
      statement:
        'Kitas und Grundschulen jedes Schulbezirks haben eine verbindliche Kooperationsvereinbarung.',
      target: 'Vereinbarungen in allen 12 Kommunen bis Ende 2027',
      reviewOn: '2027-06-30',
    },
  ],
  'Digitale Bildung und Medienbildung': [
    {
      statement: 'Lehrkräfte aller Schulformen nutzen die Fortbildungsreihen des Medienzentrums.',
      target: 'Drei Fortbildungsreihen mit je 60 Teilnehmenden im Schuljahr 2026/27',
      reviewOn: '2027-02-15',
    },
  ],
};
const fallbackGoal = (field: string): DemoGoal => ({
  statement: `Das Handlungsfeld „${field}“ hat ein abgestimmtes Angebot in allen Kommunen des Kreises.`,
  target: 'Bestandsaufnahme bis Mitte 2027, Lücken geschlossen bis 2028',
  reviewOn: '2027-06-30',
});

/** Entries of the demo work plans: the field's goals, then measures. */
const MEASURES: Record<
  string,
  Array<{ kind: 'project' | 'event' | 'product' | 'measure'; title: string; dueOn: string | null }>
> = {
  'Übergang Schule – Beruf (KAoA)': [
    { kind: 'project', title: 'Praxisphasen-Portal', dueOn: '2027-09-30' },
    { kind: 'event', title: 'Fachtag Berufsorientierung', dueOn: '2026-11-05' },
  ],
  'Übergang Kita – Grundschule': [
    { kind: 'event', title: 'Fachtag Übergang Kita – Grundschule', dueOn: '2026-10-20' },
  ],
  'Digitale Bildung und Medienbildung': [
    { kind: 'measure', title: 'Drei Fortbildungsreihen mit dem Medienzentrum', dueOn: '2027-06-30' },
  ],
};

/**
 * Goals for every field of action of the demo network and one work plan per field for 2026, agreed by
 * the demo's work-plan decisions; KAoA also has a newer draft and is shown on the public page. Goes
 * through the work programme's use cases like the office would; does nothing when goals exist.
 */
export async function seedWorkGoalsDemo(deps: Deps, networkId: string): Promise<void> {
  const [existing] = await deps.db.select().from(t.goal).where(eq(t.goal.networkId, networkId));
  if (existing) return;
  const actor = (await demoOffice(deps.db, networkId))!;
  const fields = (await listFields(deps, actor, '2026-03-12')).filter((f) => f.joint);
  const byField = (type: 'goal' | 'work_plan') => work.availableDecisions(deps, actor, type);
  const goalDecisions = await byField('goal');
  const planDecisions = await byField('work_plan');
  // Each joint field's goals and plan come from a decision the steering demo's meetings took for it.
  const missing = (list: typeof goalDecisions) => fields.some((f) => !list.some((d) => d.fieldId === f.id));
  if (missing(goalDecisions) || missing(planDecisions)) return;
  const decisionFor = (list: typeof goalDecisions, fieldId: string) =>
    list.find((d) => d.fieldId === fieldId)!;

  for (const f of fields) {
    const goals = [];
    for (const g of GOALS[f.name] ?? [fallbackGoal(f.name)]) {
      const created = await work.createGoal(deps, actor, {
        decisionId: decisionFor(goalDecisions, f.id).id,
        fieldId: f.id,
        statement: g.statement,
        target: g.target,
        indicatorName: g.indicator ?? null,
        indicatorTarget: g.indicator ? '100 %' : null,
        indicatorYear: g.indicator ? 2028 : null,
        horizonYear: 2027,
        owner: 'Bildungsbüro',
        reviewOn: g.reviewOn,
      });
      goals.push(created);
    }
    const entries = [
      ...goals.map((g) => ({
        kind: 'goal' as const,
        title: '',
        description: '',
        goalId: g.id,
        projectId: null,
        dueOn: null,
      })),
      ...(MEASURES[f.name] ?? []).map((m) => ({ ...m, description: '', goalId: null, projectId: null })),
    ];
    const plan = await work.createPlan(deps, actor, {
      fieldId: f.id,
      year: 2026,
      title: '',
      entries,
      note: '',
    });
    await work.agreePlanVersion(deps, actor, plan.id, {
      versionId: plan.versions[0]!.id,
      decisionId: decisionFor(planDecisions, f.id).id,
    });
    if (f.name === 'Übergang Schule – Beruf (KAoA)') {
      await work.publishPlan(deps, actor, plan.id, true);
      await work.addPlanVersion(deps, actor, plan.id, {
        baseVersion: 1,
        entries: [
          ...entries,
          {
            kind: 'product',
            title: 'Handreichung Berufsfelderkundung',
            description: 'Für Lehrkräfte der Klasse 8',
            goalId: null,
            projectId: null,
            dueOn: '2027-03-31',
          },
        ],
        note: 'Ergänzt um die Handreichung (Vorschlag für die Frühjahrssitzung 2027)',
      });
    }
  }
}
