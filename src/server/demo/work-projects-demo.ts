import { and, asc, eq, isNull } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { listFields } from '../modules/contract/contract.service.js';
import * as parts from '../modules/work/project-parts.service.js';
import * as projects from '../modules/work/projects.service.js';
import * as tasks from '../modules/work/tasks.service.js';
import { demoOffice } from './demo-office.js';
import { DEMO_ACCOUNTS } from './seed.js';

type TaskSeed = {
  title: string;
  due: string;
  weight?: number;
  progress?: number;
  done?: boolean;
  checklist?: Array<[string, boolean]>;
};

/**
 * The office's projects in the demo network, entered through the projects' own use cases:
 * "Praxisphasen" (with a demo work order, when the orders part created any), "zdi-Netzwerk" and
 * "Schulwegweiser", with tasks (some done, checklists), milestones and partners, so that the rolled-up
 * progress shows. Idempotent: a network that has projects is left alone.
 */
export async function seedWorkProjectsDemo(deps: Deps, networkId: string): Promise<void> {
  const [existing] = await deps.db.select().from(t.project).where(eq(t.project.networkId, networkId));
  if (existing) return;
  const [adminUser] = await deps.db.select().from(t.user).where(eq(t.user.email, DEMO_ACCOUNTS[0]!.email));
  const actor = (await demoOffice(deps.db, networkId))!;
  const fields = Object.fromEntries((await listFields(deps, actor)).map((f) => [f.name, f.id]));
  const year = Number(new Date(deps.now()).getFullYear());
  const d = (md: string, dy = 0) => `${year + dy}-${md}`;

  async function projectWith(
    input: { title: string; description: string; field: string; lead: string; report: string },
    taskSeeds: TaskSeed[],
    milestones: Array<[string, string, string | null]>,
    partners: Array<[string, string]>,
  ) {
    const p = await projects.createProject(deps, actor, {
      title: input.title,
      description: input.description,
      fieldId: fields[input.field] ?? null,
      leadId: input.lead,
      startOn: d('01-15'),
      endOn: d('12-31'),
      reportDueOn: input.report,
    });
    for (const s of taskSeeds) {
      const task = await tasks.createTask(deps, actor, p.id, {
        title: s.title,
        assigneeId: s.weight === 2 ? adminUser!.id : actor.userId,
        dueOn: s.due,
        weight: s.weight ?? 1,
        progress: s.progress ?? 0,
      });
      for (const [label] of s.checklist ?? [])
        await tasks.changeTaskChecklist(deps, actor, p.id, task.id, { op: 'add', label });
      for (const [index, [, done]] of (s.checklist ?? []).entries())
        if (done) await tasks.changeTaskChecklist(deps, actor, p.id, task.id, { op: 'check', index, done });
      if (s.done)
        await tasks.updateTask(deps, actor, p.id, task.id, { version: task.version, status: 'done' });
    }
    for (const [title, dueOn, reachedOn] of milestones) {
      const after = await parts.addMilestone(deps, actor, p.id, { title, dueOn });
      const m = after.milestones.find((x) => x.title === title)!;
      if (reachedOn) await parts.setMilestoneReached(deps, actor, p.id, m.id, reachedOn);
    }
    for (const [name, role] of partners) await parts.addPartner(deps, actor, p.id, { name, role });
    return p;
  }

  const praxis = await projectWith(
    {
      title: 'Praxisphasen',
      description:
        'Praxisphasen für Schülerinnen und Schüler ab Klasse 8 in Betrieben der Region: ein Portal, über das Schulen und Betriebe Plätze finden (KAoA).',
      field: 'Übergang Schule – Beruf (KAoA)',
      lead: actor.userId,
      report: d('03-15'),
    },
    [
      {
        title: 'Betriebe für Praxisplätze gewinnen',
        due: d('04-30'),
        weight: 2,
        checklist: [
          ['Liste der Ausbildungsbetriebe von IHK und HWK abgleichen', true],
          ['Anschreiben mit der Agentur für Arbeit abstimmen', true],
          ['Versand an 120 Betriebe', false],
          ['Rückmeldungen nachhalten', false],
        ],
      },
      { title: 'Anforderungen an das Portal beschreiben', due: d('02-28'), done: true },
      { title: 'Schulen über das Portal informieren', due: d('09-15'), progress: 20 },
    ],
    [
      ['Portal in Betrieb', d('08-31'), null],
      ['Konzept im Lenkungskreis vorgestellt', d('02-15'), d('02-12')],
    ],
    [
      ['IHK Arnsberg, Hellweg-Sauerland', 'Betriebskontakte'],
      ['Agentur für Arbeit Meschede-Soest', 'Berufsberatung'],
    ],
  );
  // A demo work order of the KAoA field joins "Praxisphasen" when the orders part created one.
  const [order] = await deps.db
    .select({ id: t.workOrder.id })
    .from(t.workOrder)
    .where(
      and(
        eq(t.workOrder.networkId, networkId),
        isNull(t.workOrder.projectId),
        eq(t.workOrder.fieldId, fields['Übergang Schule – Beruf (KAoA)'] ?? t.workOrder.fieldId),
      ),
    )
    .orderBy(asc(t.workOrder.year), asc(t.workOrder.seq))
    .limit(1);
  if (order) await projects.assignOrder(deps, actor, praxis.id, { orderId: order.id, weight: 2 });

  await projectWith(
    {
      title: 'zdi-Netzwerk',
      description:
        'Das zdi-Zentrum HSK und die Schulen bauen gemeinsame MINT-Angebote und Schülerlabore auf.',
      field: 'MINT / zdi',
      lead: adminUser!.id,
      report: d('09-30'),
    },
    [
      { title: 'Schülerlabor-Termine für das Schuljahr planen', due: d('03-31'), done: true },
      {
        title: 'MINT-Tag vorbereiten',
        due: d('06-20'),
        checklist: [
          ['Raum im Berufskolleg reservieren', true],
          ['Programm mit dem zdi-Zentrum abstimmen', false],
          ['Einladung an die Schulen', false],
        ],
      },
    ],
    [['MINT-Tag', d('06-20'), null]],
    [
      ['zdi-Zentrum HSK', 'Koordination MINT'],
      ['Fachhochschule Südwestfalen, Meschede', 'Schülerlabor'],
    ],
  );

  await projectWith(
    {
      title: 'Schulwegweiser',
      description:
        'Ein gedruckter und digitaler Wegweiser durch die Schullandschaft des Kreises für Eltern beim Übergang in die weiterführende Schule.',
      field: 'Übergang Grundschule – weiterführende Schule',
      lead: actor.userId,
      report: d('10-15'),
    },
    [
      { title: 'Schuldaten bei den Schulträgern abfragen', due: d('03-01'), done: true },
      { title: 'Texte redigieren', due: d('05-15'), progress: 60 },
      { title: 'Druck und Verteilung', due: d('10-01') },
    ],
    [
      ['Redaktionsschluss', d('05-15'), null],
      ['Verteilung an alle Grundschulen', d('10-01'), null],
    ],
    [['Medienzentrum HSK', 'Gestaltung und Druck']],
  );
}
