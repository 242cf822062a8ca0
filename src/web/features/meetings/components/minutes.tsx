import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesVersion } from '../../../../contracts/steering';
import {
  Alert,
  Badge,
  Button,
  ErrorAlert,
  Loading,
  Section,
  TableHead,
  TableRegion,
  TextAreaField,
} from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import {
  circulateMinutes,
  correctMinutes,
  draftMinutes,
  minutesQuery,
  minutesUrl,
  saveMinutes,
} from '../api';
import { CirculateMinutes } from './circulate-minutes';
import type { MeetingCtx } from './meeting-page';

/** The minutes: drafted, edited and circulated by the office, approved by the committee, then frozen. */
export function MinutesSection({ ctx }: { ctx: MeetingCtx }) {
  const { t } = useTranslation();
  const { networkId, meeting: m, manage } = ctx;
  const qc = useQueryClient();
  const minutes = useQuery(minutesQuery(networkId, m.id));
  const done = async (list: MinutesVersion[], message: string) => {
    qc.setQueryData(minutesQuery(networkId, m.id).queryKey, list);
    ctx.say(message);
    await ctx.refresh();
  };
  const draft = useMutation({
    mutationFn: () => draftMinutes(networkId, m.id),
    onSuccess: (list) => done(list, t('meetings.minutes.drafted', { version: list[0]?.version })),
  });
  const save = useMutation({
    mutationFn: (body: string) => saveMinutes(networkId, m.id, body),
    onSuccess: (list) => done(list, t('meetings.minutes.saved', { version: list[0]?.version })),
  });
  const circulate = useMutation({
    mutationFn: () => circulateMinutes(networkId, m.id),
    onSuccess: (list) => done(list, t('meetings.minutes.circulated', { version: list[0]?.version })),
  });
  const correct = useMutation({
    mutationFn: (x: { body: string; reason: string }) => correctMinutes(networkId, m.id, x.body, x.reason),
    onSuccess: (list) => done(list, t('meetings.minutes.corrected', { version: list[0]?.version })),
  });

  const list = minutes.data ?? [];
  const latest = list[0];
  const approved = m.status === 'minutes_approved';
  const approval = list.find((v) => v.approvedBy);

  function submitSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.mutate(String(new FormData(e.currentTarget).get('body') ?? ''));
  }
  function submitCorrection(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    correct.mutate({ body: String(fd.get('body') ?? ''), reason: String(fd.get('reason') ?? '') });
  }

  return (
    <Section title={t('meetings.minutes.title')} id="meeting-minutes">
      <ErrorAlert error={minutes.error} />
      {minutes.isPending ? <Loading /> : null}
      {approved ? (
        <Alert kind="success">
          {t('meetings.minutes.approvedNote', { number: approval?.approvedBy ?? '–' })}
        </Alert>
      ) : null}
      {manage && !minutes.isPending ? (
        <div className="bn-stack">
          {m.status === 'held' && list.length === 0 ? (
            <>
              <p className="kern-body">{t('meetings.minutes.none')}</p>
              <ErrorAlert error={draft.error} />
              <p>
                <Button icon="draft" busy={draft.isPending} onClick={() => draft.mutate()}>
                  {t('meetings.minutes.generate')}
                </Button>
              </p>
            </>
          ) : null}
          {m.status === 'minutes_drafted' && latest ? (
            <form
              className="bn-form bn-form--wide bn-minutes-form"
              onSubmit={submitSave}
              key={latest.version}
            >
              <ErrorAlert error={save.error} />
              <TextAreaField
                label={t('meetings.minutes.body')}
                hint={t('meetings.minutes.bodyHint', { version: latest.version })}
                name="body"
                rows={18}
                required
                minLength={20}
                defaultValue={latest.body}
              />
              <div className="bn-form__actions">
                <Button type="submit" icon="check" busy={save.isPending}>
                  {t('meetings.minutes.save')}
                </Button>
                {latest.status === 'draft' ? (
                  <CirculateMinutes ctx={ctx} circulate={circulate} />
                ) : (
                  <span className="kern-body">{t('meetings.minutes.inCirculation')}</span>
                )}
              </div>
            </form>
          ) : null}
          {approved && latest ? (
            <form
              className="bn-form bn-form--wide bn-minutes-form"
              onSubmit={submitCorrection}
              key={latest.version}
              aria-labelledby="minutes-correction"
            >
              <h3 className="kern-heading-small" id="minutes-correction">
                {t('meetings.minutes.correction')}
              </h3>
              <p className="kern-body">{t('meetings.minutes.correctionIntro')}</p>
              <ErrorAlert error={correct.error} />
              <TextAreaField
                label={t('meetings.minutes.body')}
                name="body"
                rows={14}
                required
                minLength={20}
                defaultValue={latest.body}
              />
              <TextAreaField
                label={t('meetings.minutes.reason')}
                name="reason"
                rows={2}
                required
                minLength={5}
              />
              <div className="bn-form__actions">
                <Button type="submit" icon="check" busy={correct.isPending}>
                  {t('meetings.minutes.saveCorrection')}
                </Button>
              </div>
            </form>
          ) : null}
        </div>
      ) : null}
      {list.length > 0 ? (
        <TableRegion label={t('meetings.minutes.versions')}>
          <table className="kern-table bn-table">
            <caption className="kern-title">{t('meetings.minutes.versions')}</caption>
            <TableHead
              columns={[
                t('meetings.minutes.version'),
                t('meetings.status'),
                t('meetings.minutes.createdAt'),
                t('meetings.minutes.note'),
                t('meetings.minutes.downloads'),
              ]}
            />
            <tbody className="kern-table__body">
              {list.map((v) => (
                <tr className="kern-table__row" key={v.version}>
                  <td className="kern-table__cell">
                    {t('meetings.minutes.versionN', { version: v.version })}
                  </td>
                  <td className="kern-table__cell">
                    <Badge
                      kind={
                        v.status === 'approved' ? 'success' : v.status === 'circulated' ? 'info' : 'warning'
                      }
                    >
                      {t(`meetings.minutes.statuses.${v.status}`)}
                    </Badge>
                  </td>
                  <td className="kern-table__cell bn-nowrap">{formatDateTime(v.createdAt)}</td>
                  <td className="kern-table__cell bn-break">
                    {v.approvedBy ? t('meetings.minutes.approvedBy', { number: v.approvedBy }) : null}
                    {v.reason ? t('meetings.minutes.correctionReason', { reason: v.reason }) : null}
                  </td>
                  <td className="kern-table__cell">
                    <div className="bn-actions bn-actions--start">
                      <a
                        className="kern-link"
                        href={minutesUrl(networkId, m.id, v.version, 'pdf')}
                        download
                        aria-label={t('meetings.minutes.pdfLabel', { version: v.version })}
                      >
                        {t('meetings.minutes.pdf')}
                      </a>
                      <a
                        className="kern-link"
                        href={minutesUrl(networkId, m.id, v.version, 'docx')}
                        download
                        aria-label={t('meetings.minutes.docxLabel', { version: v.version })}
                      >
                        {t('meetings.minutes.docx')}
                      </a>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </Section>
  );
}
