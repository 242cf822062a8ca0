import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  AssignableOrder,
  AssignOrderInput,
  ChecklistAdd,
  ChecklistCheck,
  ChecklistParams,
  CloseProjectInput,
  DocumentInput,
  MilestoneInput,
  MilestonePatch,
  OrderParams,
  PartnerInput,
  ProjectDetail,
  ProjectInput,
  ProjectItemParams,
  ProjectParams,
  ProjectPatch,
  ProjectSummary,
  Task,
  TaskInput,
  TaskParams,
  TaskPatch,
} from '../../../contracts/work-projects.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import * as parts from './project-parts.service.js';
import * as svc from './projects.service.js';
import * as tasks from './tasks.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['Arbeitsprogramm: Projekte'];
const read = { access: { permission: 'work.read' as const } };
const manage = { access: { permission: 'work.manage' as const } };

/** The work programme's projects with tasks (office only), milestones, partners, documents and orders. */
export const projectsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/networks/:networkId/work/projects';
    const one = `${base}/:projectId`;
    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: 'Projekte',
          params: NetworkParams,
          response: { 200: z.array(ProjectSummary), ...errors },
        },
      },
      async (req) => svc.listProjects(deps, memberOf(req)),
    );
    app.post(
      base,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Projekt anlegen',
          params: NetworkParams,
          body: ProjectInput,
          response: { 201: ProjectDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createProject(deps, memberOf(req), req.body)),
    );
    app.get(
      '/networks/:networkId/work/project-orders',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Arbeitsaufträge, die einem Projekt zugeordnet werden können',
          params: NetworkParams,
          response: { 200: z.array(AssignableOrder), ...errors },
        },
      },
      async (req) => svc.listAssignableOrders(deps, memberOf(req)),
    );
    app.get(
      one,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Projekt mit Fortschritt, Meilensteinen, Aufträgen, Partnern, Dokumenten (Aufgaben nur fürs Büro)',
          params: ProjectParams,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => svc.getProject(deps, memberOf(req), req.params.projectId),
    );
    app.patch(
      one,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Projekt ändern (mit gelesener Version)',
          params: ProjectParams,
          body: ProjectPatch,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => svc.updateProject(deps, memberOf(req), req.params.projectId, req.body),
    );
    app.post(
      `${one}/close`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Projekt abschließen (offene Aufgaben: 409, mit force trotzdem)',
          params: ProjectParams,
          body: CloseProjectInput,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => svc.closeProject(deps, memberOf(req), req.params.projectId, req.body),
    );
    app.post(
      `${one}/reopen`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Abgeschlossenes Projekt wieder öffnen',
          params: ProjectParams,
          body: z.object({ version: CloseProjectInput.shape.version }),
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => svc.reopenProject(deps, memberOf(req), req.params.projectId, Number(req.body.version)),
    );
    app.post(
      `${one}/orders`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Arbeitsauftrag dem Projekt zuordnen',
          params: ProjectParams,
          body: AssignOrderInput,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => svc.assignOrder(deps, memberOf(req), req.params.projectId, req.body),
    );
    app.delete(
      `${one}/orders/:orderId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Arbeitsauftrag aus dem Projekt nehmen',
          params: OrderParams,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => svc.unassignOrder(deps, memberOf(req), req.params.projectId, req.params.orderId),
    );

    // Tasks: the office's internals (work.manage); the committee gets 403.
    app.get(
      `${one}/tasks`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Aufgaben des Projekts',
          params: ProjectParams,
          response: { 200: z.array(Task), ...errors },
        },
      },
      async (req) => tasks.listTasks(deps, memberOf(req), req.params.projectId),
    );
    app.post(
      `${one}/tasks`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Aufgabe anlegen',
          params: ProjectParams,
          body: TaskInput,
          response: { 201: Task, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await tasks.createTask(deps, memberOf(req), req.params.projectId, req.body)),
    );
    app.patch(
      `${one}/tasks/:taskId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Aufgabe ändern, erledigen oder wieder öffnen (mit gelesener Version)',
          params: TaskParams,
          body: TaskPatch,
          response: { 200: Task, ...errors },
        },
      },
      async (req) => tasks.updateTask(deps, memberOf(req), req.params.projectId, req.params.taskId, req.body),
    );
    app.post(
      `${one}/tasks/:taskId/checklist`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Punkt der Checkliste ergänzen',
          params: TaskParams,
          body: ChecklistAdd,
          response: { 200: Task, ...errors },
        },
      },
      async (req) =>
        tasks.changeTaskChecklist(deps, memberOf(req), req.params.projectId, req.params.taskId, {
          op: 'add',
          label: req.body.label,
        }),
    );
    app.patch(
      `${one}/tasks/:taskId/checklist/:index`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Punkt der Checkliste abhaken oder wieder öffnen',
          params: ChecklistParams,
          body: ChecklistCheck,
          response: { 200: Task, ...errors },
        },
      },
      async (req) =>
        tasks.changeTaskChecklist(deps, memberOf(req), req.params.projectId, req.params.taskId, {
          op: 'check',
          index: req.params.index,
          done: req.body.done,
        }),
    );
    app.delete(
      `${one}/tasks/:taskId/checklist/:index`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Punkt der Checkliste entfernen',
          params: ChecklistParams,
          response: { 200: Task, ...errors },
        },
      },
      async (req) =>
        tasks.changeTaskChecklist(deps, memberOf(req), req.params.projectId, req.params.taskId, {
          op: 'remove',
          index: req.params.index,
        }),
    );

    // Milestones, partners, documents.
    app.post(
      `${one}/milestones`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Meilenstein anlegen',
          params: ProjectParams,
          body: MilestoneInput,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => parts.addMilestone(deps, memberOf(req), req.params.projectId, req.body),
    );
    app.patch(
      `${one}/milestones/:itemId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Meilenstein als erreicht markieren (oder wieder offen)',
          params: ProjectItemParams,
          body: MilestonePatch,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) =>
        parts.setMilestoneReached(
          deps,
          memberOf(req),
          req.params.projectId,
          req.params.itemId,
          req.body.reachedOn,
        ),
    );
    app.post(
      `${one}/partners`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Partner eintragen',
          params: ProjectParams,
          body: PartnerInput,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => parts.addPartner(deps, memberOf(req), req.params.projectId, req.body),
    );
    app.post(
      `${one}/documents`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Datei der Dateiablage als Dokument verknüpfen (vorher hochladen: POST …/files)',
          params: ProjectParams,
          body: DocumentInput,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      async (req) => parts.addDocument(deps, memberOf(req), req.params.projectId, req.body),
    );
    for (const [kind, path] of [
      ['milestone', 'milestones'],
      ['partner', 'partners'],
      ['document', 'documents'],
    ] as const) {
      app.delete(
        `${one}/${path}/:itemId`,
        {
          config: manage,
          schema: {
            tags,
            summary: `${kind === 'milestone' ? 'Meilenstein' : kind === 'partner' ? 'Partner' : 'Dokument'} entfernen`,
            params: ProjectItemParams,
            response: { 200: ProjectDetail, ...errors },
          },
        },
        async (req) => parts.removePart(deps, memberOf(req), req.params.projectId, kind, req.params.itemId),
      );
    }
  };
