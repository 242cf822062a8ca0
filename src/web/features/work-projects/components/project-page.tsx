import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../../contracts/work-projects';
import {
  Button,
  ConfirmDialog,
  DateField,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { isApiError } from '../../../lib/api';
import { resetIfUnchanged } from '../../../lib/form-fields';
import { formatDate, formatDay, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { ReportsCard, reportsKey } from '../../work-reports';
import { TraceLink } from '../../work-trace';
import * as api from '../api';
import { ProjectProgress } from './progress';
import { ProjectFields, projectInputOf } from './project-form';
import { ProjectStatusBadge } from './projects-page';
import { TasksSection } from './tasks-section';

/**
 * One project: overview, rolled-up progress with its explanation, tasks (office only), milestones,
 * orders, partners and documents; the office edits, closes (warned about open tasks) and reopens.
 */
export function ProjectPage({ networkId, projectId }: { networkId: string; projectId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('work.manage');
  const project = useQuery(api.projectQuery(networkId, projectId));
  useQuery({ ...api.staffQuery(networkId), enabled: manage });
  useQuery({ ...api.fieldsQuery(networkId), enabled: manage });
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState<{ openTasks: string[] } | null>(null);
  // The reports card beside shows the project's current progress: it refreshes too.
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: api.projectsKey(networkId) }),
      qc.invalidateQueries({ queryKey: reportsKey(networkId) }),
    ]);

  const save = useMutation({
    mutationFn: (fd: FormData) =>
      api.updateProject(networkId, projectId, { ...projectInputOf(fd), version: project.data!.version }),
    onSuccess: async () => {
      setEditing(false);
      setMessage(t('project.saved'));
      await refresh();
    },
  });
  const close = useMutation({
    mutationFn: (force: boolean) => api.closeProject(networkId, projectId, project.data!.version, force),
    onSuccess: async () => {
      setClosing(null);
      setMessage(t('project.closed'));
      await refresh();
    },
    onError: (err) => {
      if (isApiError(err) && err.code === 'work.project_open_tasks') {
        const d = err.details as { openTasks?: string[] } | undefined;
        setClosing({ openTasks: d?.openTasks ?? [] });
      }
    },
  });
  const reopen = useMutation({
    mutationFn: () => api.reopenProject(networkId, projectId, project.data!.version),
    onSuccess: refresh,
  });

  if (project.isPending) return <Loading />;
  if (!project.data) return <ErrorAlert error={project.error} />;
  const p = project.data;
  const active = p.status === 'active';
  const openTasks = closing?.openTasks ?? [];
  const warned = closing !== null && openTasks.length > 0 && isApiError(close.error);

  return (
    <Page
      title={p.title}
      intro={p.description || undefined}
      actions={
        manage ? (
          active ? (
            <>
              <Button variant="secondary" icon="edit" onClick={() => setEditing(true)}>
                {t('project.edit')}
              </Button>
              <Button variant="secondary" onClick={() => setClosing({ openTasks: [] })}>
                {t('project.close')}
              </Button>
            </>
          ) : (
            <Button variant="secondary" busy={reopen.isPending} onClick={() => reopen.mutate()}>
              {t('project.reopenProject')}
            </Button>
          )
        ) : null
      }
    >
      <p className="kern-body">
        <Link to="/n/$networkId/arbeitsprogramm/projekte" params={{ networkId }} className="kern-link">
          {t('projects.back')}
        </Link>
      </p>
      <StatusMessage message={message} />
      <ErrorAlert error={reopen.error} />
      <Section title={t('project.overview')} id="project-overview">
        <dl className="bn-dl bn-project-facts">
          <dt>{t('projects.status')}</dt>
          <dd>
            <ProjectStatusBadge status={p.status} />
            {p.closedAt ? ` ${t('project.closedNote', { date: formatDate(p.closedAt) })}` : null}
          </dd>
          <dt>{t('projects.field')}</dt>
          <dd>{p.fieldName ?? t('projects.noField')}</dd>
          <dt>{t('projects.lead')}</dt>
          <dd>{p.leadName ?? t('projects.noLead')}</dd>
          <dt>{t('projects.period')}</dt>
          <dd>{p.startOn || p.endOn ? `${formatDay(p.startOn)} – ${formatDay(p.endOn)}` : '–'}</dd>
          <dt>{t('projects.reportDue')}</dt>
          <dd>{formatDay(p.reportDueOn)}</dd>
        </dl>
        <TraceLink networkId={networkId} kind="project" id={p.id} />
      </Section>
      <Section title={t('project.rollUpTitle')} id="project-progress">
        <ProjectProgress rollUp={p.rollUp} title={p.title} />
        <p className="kern-body kern-body--small">
          <RollUpExplanation project={p} />
        </p>
      </Section>
      {p.tasks ? <TasksSection networkId={networkId} project={p} onChanged={refresh} /> : null}
      <MilestonesSection networkId={networkId} project={p} manage={manage && active} onChanged={refresh} />
      <OrdersSection networkId={networkId} project={p} manage={manage && active} onChanged={refresh} />
      <PartnersSection networkId={networkId} project={p} manage={manage && active} onChanged={refresh} />
      <DocumentsSection networkId={networkId} project={p} manage={manage && active} onChanged={refresh} />
      <ReportsCard networkId={networkId} subject={{ projectId: p.id }} />

      <FormDialog
        open={editing}
        title={t('project.editTitle')}
        submitLabel={t('common.save')}
        busy={save.isPending}
        error={save.error}
        onClose={() => {
          setEditing(false);
          save.reset();
        }}
        onSubmit={(e) => save.mutate(new FormData(e.currentTarget))}
      >
        <ProjectFields networkId={networkId} project={p} />
      </FormDialog>
      <ConfirmDialog
        open={closing !== null}
        title={t('project.closeTitle', { title: p.title })}
        confirmLabel={warned ? t('project.closeAnyway') : t('project.closeConfirm')}
        busy={close.isPending}
        onClose={() => {
          setClosing(null);
          close.reset();
        }}
        onConfirm={() => close.mutate(warned)}
      >
        <p className="kern-body">{t('project.closeText')}</p>
        {warned ? (
          <div role="alert">
            <p className="kern-body">{t('project.closeOpenTasks')}</p>
            <ul className="kern-list">
              {openTasks.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </div>
        ) : (
          <ErrorAlert error={close.error} />
        )}
      </ConfirmDialog>
    </Page>
  );
}

function RollUpExplanation({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const r = project.rollUp;
  if (r.state === 'empty') return <>{t('project.rollUpEmpty')}</>;
  if (r.state === 'zero_weights') return <>{t('project.rollUpZero')}</>;
  const orders = t('projects.ordersCount', { count: r.orders });
  const parts =
    r.tasks === null
      ? t('project.partsHidden')
      : r.orders === 0
        ? t('project.partsTasks', { count: r.tasks })
        : t('project.partsAnd', { a: t('project.partsTasks', { count: r.tasks }), b: orders });
  return (
    <>
      {r.tasks !== null ? `${t('projects.tasksCount', { done: r.tasksDone, total: r.tasks })}. ` : ''}
      {t('project.rollUpExplain', { parts, weight: r.totalWeight })}
    </>
  );
}

type SectionProps = { networkId: string; project: ProjectDetail; manage: boolean; onChanged: () => unknown };

/** A small inline form: its fields, one submit button, the error shown above. */
function useInlineAdd(action: (fd: FormData) => Promise<unknown>, onChanged: () => unknown) {
  const m = useMutation({ mutationFn: action, onSuccess: onChanged });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const sent = new FormData(form);
    m.mutate(sent, { onSuccess: () => resetIfUnchanged(form, sent) });
  };
  return { m, onSubmit };
}

function MilestonesSection({ networkId, project: p, manage, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const add = useInlineAdd(
    (fd) =>
      api.addMilestone(networkId, p.id, {
        title: String(fd.get('title') ?? ''),
        dueOn: String(fd.get('dueOn') ?? ''),
      }),
    onChanged,
  );
  const reach = useMutation({
    mutationFn: (x: { id: string; on: string | null }) =>
      api.setMilestoneReached(networkId, p.id, x.id, x.on),
    onSuccess: onChanged,
  });
  return (
    <Section title={t('project.milestones')} id="project-milestones">
      <ErrorAlert error={reach.error} />
      {p.milestones.length === 0 ? (
        <p className="kern-body">{t('project.milestonesNone')}</p>
      ) : (
        <ul className="bn-checklist">
          {p.milestones.map((m) => (
            <li key={m.id} className="bn-checklist__item">
              <span className="kern-body">
                <strong>{m.title}</strong> – {t('project.due')} {formatDay(m.dueOn)}
                {m.reachedOn ? `, ${t('project.reached', { date: formatDay(m.reachedOn) })}` : ''}
              </span>
              {manage && !m.reachedOn ? (
                <Button
                  variant="tertiary"
                  small
                  icon="check"
                  aria-label={t('project.markReachedLabel', { title: m.title })}
                  onClick={() => reach.mutate({ id: m.id, on: today() })}
                >
                  {t('project.markReached')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <form
          className="bn-form bn-form--inline"
          onSubmit={add.onSubmit}
          aria-label={t('project.milestoneAdd')}
        >
          <ErrorAlert error={add.m.error} />
          <TextField label={t('project.milestoneTitle')} name="title" required />
          <DateField label={t('project.due')} name="dueOn" required />
          <Button type="submit" variant="secondary" busy={add.m.isPending}>
            {t('project.milestoneAdd')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}

function OrdersSection({ networkId, project: p, manage, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [assigning, setAssigning] = useState(false);
  const assignable = useQuery({ ...api.assignableOrdersQuery(networkId), enabled: assigning });
  const assign = useMutation({
    mutationFn: (fd: FormData) =>
      api.assignOrder(networkId, p.id, String(fd.get('orderId') ?? ''), Number(fd.get('weight') ?? 1)),
    onSuccess: async () => {
      setAssigning(false);
      await onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: (orderId: string) => api.unassignOrder(networkId, p.id, orderId),
    onSuccess: onChanged,
  });
  const options = assignable.data ?? [];
  return (
    <Section title={t('project.orders')} id="project-orders">
      <ErrorAlert error={remove.error} />
      {p.orders.length === 0 ? (
        <p className="kern-body">{t('project.ordersNone')}</p>
      ) : (
        <TableRegion labelledBy="project-orders">
          <table className="kern-table bn-table">
            <TableHead
              columns={[
                t('project.order'),
                t('projects.status'),
                t('project.due'),
                t('project.weight'),
                t('projects.progress'),
              ]}
              actions={manage ? t('common.actions') : null}
            />
            <tbody className="kern-table__body">
              {p.orders.map((o) => (
                <tr className="kern-table__row" key={o.id}>
                  <th scope="row" className="kern-table__cell bn-break">
                    <Link
                      to="/n/$networkId/arbeitsprogramm/auftraege/$orderId"
                      params={{ networkId, orderId: o.id }}
                      className="kern-link"
                    >
                      {o.number}
                    </Link>{' '}
                    {o.title}
                  </th>
                  <td className="kern-table__cell">{t(`project.orderStatus.${o.status}`)}</td>
                  <td className="kern-table__cell bn-nowrap">{formatDay(o.dueOn)}</td>
                  <td className="kern-table__cell">{o.weight}</td>
                  <td className="kern-table__cell">{t('projects.progressValue', { value: o.progress })}</td>
                  {manage ? (
                    <td className="kern-table__cell kern-table__cell--action">
                      <RowButton
                        icon="close"
                        label={t('project.orderRemoveLabel', { number: o.number })}
                        onClick={() => remove.mutate(o.id)}
                      >
                        {t('project.orderRemove')}
                      </RowButton>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {manage ? (
        <Button variant="secondary" icon="add" onClick={() => setAssigning(true)}>
          {t('project.orderAssign')}
        </Button>
      ) : null}
      <FormDialog
        open={assigning}
        title={t('project.orderAssignTitle')}
        submitLabel={t('project.orderAssign')}
        busy={assign.isPending}
        error={assign.error}
        onClose={() => {
          setAssigning(false);
          assign.reset();
        }}
        onSubmit={(e) => assign.mutate(new FormData(e.currentTarget))}
      >
        {assignable.isPending ? (
          <Loading />
        ) : options.length === 0 ? (
          <p className="kern-body">{t('project.orderNoneAssignable')}</p>
        ) : (
          <>
            <SelectField
              label={t('project.order')}
              name="orderId"
              required
              options={options.map((o) => ({ value: o.id, label: `${o.number} ${o.title}` }))}
            />
            <TextField
              label={t('project.weight')}
              hint={t('project.weightHint')}
              name="weight"
              type="number"
              min={0}
              max={100}
              defaultValue={1}
            />
          </>
        )}
      </FormDialog>
    </Section>
  );
}

function PartnersSection({ networkId, project: p, manage, onChanged }: SectionProps) {
  const { t } = useTranslation();
  return (
    <RemovableListSection
      networkId={networkId}
      project={p}
      manage={manage}
      onChanged={onChanged}
      part="partners"
      title={t('project.partners')}
      none={t('project.partnersNone')}
      addLabel={t('project.partnerAdd')}
      items={p.partners.map((x) => ({
        id: x.id,
        name: x.name,
        content: (
          <span className="kern-body">
            <strong>{x.name}</strong>
            {x.role ? ` – ${x.role}` : ''}
          </span>
        ),
      }))}
      add={(fd) =>
        api.addPartner(networkId, p.id, {
          name: String(fd.get('name') ?? ''),
          role: String(fd.get('role') ?? ''),
        })
      }
      fields={
        <>
          <TextField label={t('project.partnerName')} name="name" required />
          <TextField label={t('project.partnerRole')} name="role" />
        </>
      }
    />
  );
}

function DocumentsSection({ networkId, project: p, manage, onChanged }: SectionProps) {
  const { t } = useTranslation();
  return (
    <RemovableListSection
      networkId={networkId}
      project={p}
      manage={manage}
      onChanged={onChanged}
      part="documents"
      title={t('project.documents')}
      none={t('project.documentsNone')}
      addLabel={t('project.documentAdd')}
      items={p.documents.map((d) => ({
        id: d.id,
        name: d.title,
        content: (
          <>
            <a className="kern-link" href={api.fileUrl(networkId, d.fileId)}>
              {d.title}
            </a>
            {d.fileName && d.fileName !== d.title ? (
              <span className="kern-body kern-body--small">({d.fileName})</span>
            ) : null}
          </>
        ),
      }))}
      add={(fd) => {
        const file = fd.get('file') as File;
        return api.addDocument(networkId, p.id, file, String(fd.get('title') ?? '') || file.name);
      }}
      fields={
        <>
          <TextField label={t('project.documentTitle')} name="title" />
          <TextField label={t('project.documentFile')} name="file" type="file" required />
        </>
      }
    />
  );
}

/** A project's partners or documents: a list with a remove button each, and a small add form below. */
function RemovableListSection({
  networkId,
  project: p,
  manage,
  onChanged,
  part,
  title,
  none,
  addLabel,
  items,
  add,
  fields,
}: SectionProps & {
  part: 'partners' | 'documents';
  title: string;
  none: string;
  addLabel: string;
  items: Array<{ id: string; name: string; content: ReactNode }>;
  add: (fd: FormData) => Promise<unknown>;
  fields: ReactNode;
}) {
  const { t } = useTranslation();
  const adding = useInlineAdd(add, onChanged);
  const remove = useMutation({
    mutationFn: (id: string) => api.removePart(networkId, p.id, part, id),
    onSuccess: onChanged,
  });
  return (
    <Section title={title} id={`project-${part}`}>
      <ErrorAlert error={remove.error} />
      {items.length === 0 ? (
        <p className="kern-body">{none}</p>
      ) : (
        <ul className="bn-checklist">
          {items.map((x) => (
            <li key={x.id} className="bn-checklist__item">
              {x.content}
              {manage ? (
                <RowButton
                  icon="delete"
                  label={t('project.removeLabel', { name: x.name })}
                  onClick={() => remove.mutate(x.id)}
                >
                  {t('project.remove')}
                </RowButton>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <form className="bn-form bn-form--inline" onSubmit={adding.onSubmit} aria-label={addLabel}>
          <ErrorAlert error={adding.m.error} />
          {fields}
          <Button type="submit" variant="secondary" busy={adding.m.isPending}>
            {addLabel}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
