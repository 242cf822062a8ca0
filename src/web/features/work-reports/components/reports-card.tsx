import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressReport } from '../../../../contracts/work-reports';
import {
  Badge,
  Button,
  ErrorAlert,
  FormDialog,
  Loading,
  Section,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { TraceLink } from '../../work-trace';
import { createReport, type ReportSubjectRef, reportsKey, reportsQuery, updateReport } from '../api';
import './reports.css';

const meetingLink = '/n/$networkId/lenkungskreis/sitzungen/$meetingId' as const;

/**
 * The progress reports (Sachstandsberichte) of a work order or project: the office writes one, the
 * committee reads them. Drafts can be edited until the meeting that takes them opens; then they are
 * frozen with the state reported and the meeting named.
 */
export function ReportsCard({ networkId, subject }: { networkId: string; subject: ReportSubjectRef }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const manage = can('work.manage');
  const list = useQuery(reportsQuery(networkId, subject));
  const [editing, setEditing] = useState<ProgressReport | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (fd: FormData) => {
      const text = String(fd.get('text') ?? '');
      const progress = Number(fd.get('progress'));
      return editing && editing !== 'new'
        ? updateReport(networkId, editing.id, { text, progress, updatedAt: editing.updatedAt })
        : createReport(networkId, { ...subject, text, progress });
    },
    onSuccess: async () => {
      setEditing(null);
      setMessage(t('workReports.saved'));
      await qc.invalidateQueries({ queryKey: reportsKey(networkId) });
    },
  });
  const open = (r: ProgressReport | 'new') => {
    save.reset();
    setMessage(null);
    setEditing(r);
  };
  const data = list.data;
  const state = (s: string) => t(`workReports.state.${s}`, { defaultValue: s });

  return (
    <Section title={t('workReports.title')} id="reports">
      <StatusMessage message={message} />
      {!data ? (
        list.isPending ? (
          <Loading />
        ) : (
          <ErrorAlert error={list.error} />
        )
      ) : (
        <div className="bn-stack">
          <p className="kern-body">
            {t('workReports.current', { state: state(data.subject.status), progress: data.subject.progress })}
          </p>
          {manage ? (
            <p>
              <Button icon="add" onClick={() => open('new')}>
                {t('workReports.write')}
              </Button>
            </p>
          ) : null}
          {data.reports.length === 0 ? (
            <p className="kern-body bn-muted">{t('workReports.none')}</p>
          ) : (
            <ul className="bn-plain-list bn-stack">
              {data.reports.map((r) => (
                <li key={r.id}>
                  <article className="bn-report" aria-labelledby={`report-${r.id}`}>
                    <h3 className="kern-heading-small bn-report__head" id={`report-${r.id}`}>
                      {r.meeting ? (
                        <span>
                          {t('workReports.takenIn')}{' '}
                          <Link
                            to={meetingLink}
                            params={{ networkId, meetingId: r.meeting.id }}
                            className="kern-link"
                          >
                            {r.meeting.title}
                          </Link>{' '}
                          ({formatDate(r.meeting.startsAt)})
                        </span>
                      ) : (
                        <span>{t('workReports.draft')}</span>
                      )}
                      {r.frozenAt ? (
                        <Badge kind="success" icon="check">
                          {t('workReports.frozen')}
                        </Badge>
                      ) : null}
                    </h3>
                    <p className="kern-body bn-report__text">{r.text}</p>
                    <p className="kern-body bn-muted">
                      {r.snapshot
                        ? t('workReports.reported', { state: state(r.snapshot.status), progress: r.progress })
                        : `${t('workReports.progress')}: ${r.progress}`}
                      {r.snapshot?.tasksTotal
                        ? ` · ${t('workReports.tasks', { done: r.snapshot.tasksDone ?? 0, total: r.snapshot.tasksTotal })}`
                        : ''}
                      {' · '}
                      {t('workReports.by', { name: r.authorName, date: formatDateTime(r.updatedAt) })}
                    </p>
                    {!r.frozenAt && r.agendaItemId ? (
                      <p className="kern-body bn-muted">{t('workReports.onAgenda')}</p>
                    ) : null}
                    <p className="kern-body">
                      <TraceLink
                        networkId={networkId}
                        kind="report"
                        id={r.id}
                        label={t('workReports.traceLabel', { date: formatDateTime(r.updatedAt) })}
                      />
                    </p>
                    {manage && !r.frozenAt ? (
                      <p>
                        <Button variant="secondary" icon="edit" onClick={() => open(r)}>
                          {t('workReports.edit')}
                        </Button>
                      </p>
                    ) : null}
                  </article>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {editing && data ? (
        <FormDialog
          open
          title={editing === 'new' ? t('workReports.writeTitle') : t('workReports.editTitle')}
          submitLabel={t('workReports.save')}
          busy={save.isPending}
          error={save.error}
          onClose={() => setEditing(null)}
          onSubmit={(e) => save.mutate(new FormData(e.currentTarget))}
        >
          <TextAreaField
            name="text"
            label={t('workReports.text')}
            hint={t('workReports.textHint')}
            rows={6}
            required
            defaultValue={editing === 'new' ? '' : editing.text}
          />
          <TextField
            name="progress"
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            label={t('workReports.progress')}
            hint={t('workReports.progressHint', { progress: data.subject.progress })}
            required
            defaultValue={editing === 'new' ? data.subject.progress : editing.progress}
          />
        </FormDialog>
      ) : null}
    </Section>
  );
}
