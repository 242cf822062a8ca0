import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../../contracts/work-projects';
import {
  Badge,
  Button,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  Section,
  TableHead,
  TableRegion,
} from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { createProject, projectsKey, projectsQuery } from '../api';
import { ProjectProgress } from './progress';
import { ProjectFields, projectInputOf } from './project-form';

/** The office's projects with their rolled-up progress; the office creates new ones here. */
export function ProjectsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const projects = useQuery(projectsQuery(networkId));
  const [creating, setCreating] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (fd: FormData) => createProject(networkId, projectInputOf(fd)),
    onSuccess: async (p) => {
      setCreating(false);
      await qc.invalidateQueries({ queryKey: projectsKey(networkId) });
      await navigate({
        to: '/n/$networkId/arbeitsprogramm/projekte/$projectId',
        params: { networkId, projectId: p.id },
      });
    },
  });
  const list = projects.data ?? [];
  return (
    <Page
      title={t('projects.title')}
      intro={t('projects.intro')}
      actions={
        can('work.manage') ? (
          <Button icon="add" onClick={() => setCreating(true)}>
            {t('projects.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={projects.error} />
      {projects.isPending ? (
        <Loading />
      ) : (
        <>
          <ProjectTable
            networkId={networkId}
            id="projects-active"
            title={t('projects.active')}
            empty={t('projects.none')}
            projects={list.filter((p) => p.status === 'active')}
          />
          <ProjectTable
            networkId={networkId}
            id="projects-closed"
            title={t('projects.closedList')}
            empty={t('projects.noClosed')}
            projects={list.filter((p) => p.status === 'closed')}
          />
        </>
      )}
      <FormDialog
        open={creating}
        title={t('projects.create')}
        submitLabel={t('projects.create')}
        busy={create.isPending}
        error={create.error}
        onClose={() => {
          setCreating(false);
          create.reset();
        }}
        onSubmit={(e) => create.mutate(new FormData(e.currentTarget))}
      >
        <ProjectFields networkId={networkId} />
      </FormDialog>
    </Page>
  );
}

function ProjectTable({
  networkId,
  id,
  title,
  empty,
  projects,
}: {
  networkId: string;
  id: string;
  title: string;
  empty: string;
  projects: ProjectSummary[];
}) {
  const { t } = useTranslation();
  return (
    <Section title={title} id={id}>
      {projects.length === 0 ? (
        <p className="kern-body">{empty}</p>
      ) : (
        <TableRegion labelledBy={id}>
          <table className="kern-table bn-table">
            <TableHead
              columns={[
                t('projects.projectTitle'),
                t('projects.field'),
                t('projects.lead'),
                t('projects.period'),
                t('projects.status'),
                t('projects.progress'),
              ]}
            />
            <tbody className="kern-table__body">
              {projects.map((p) => (
                <tr className="kern-table__row" key={p.id}>
                  <th scope="row" className="kern-table__cell">
                    <Link
                      to="/n/$networkId/arbeitsprogramm/projekte/$projectId"
                      params={{ networkId, projectId: p.id }}
                      className="kern-link"
                    >
                      {p.title}
                    </Link>
                    {p.rollUp.tasks !== null ? (
                      <span className="bn-cell-second">
                        {t('projects.tasksCount', { done: p.rollUp.tasksDone, total: p.rollUp.tasks })}
                        {p.rollUp.orders > 0
                          ? ` · ${t('projects.ordersCount', { count: p.rollUp.orders })}`
                          : ''}
                      </span>
                    ) : null}
                  </th>
                  <td className="kern-table__cell bn-break">{p.fieldName ?? t('projects.noField')}</td>
                  <td className="kern-table__cell">{p.leadName ?? t('projects.noLead')}</td>
                  <td className="kern-table__cell">
                    {p.startOn || p.endOn ? `${formatDay(p.startOn)} – ${formatDay(p.endOn)}` : '–'}
                  </td>
                  <td className="kern-table__cell">
                    <ProjectStatusBadge status={p.status} />
                  </td>
                  <td className="kern-table__cell">
                    <ProjectProgress rollUp={p.rollUp} title={p.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Section>
  );
}

export function ProjectStatusBadge({ status }: { status: 'active' | 'closed' }) {
  const { t } = useTranslation();
  return status === 'active' ? (
    <Badge kind="info">{t('projects.statusActive')}</Badge>
  ) : (
    <Badge kind="success">{t('projects.statusClosed')}</Badge>
  );
}
