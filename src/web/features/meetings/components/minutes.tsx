import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  MinutesAttendee,
  MinutesContent,
  MinutesInput,
  MinutesRequest,
  MinutesVersion,
} from '../../../../contracts/steering';
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
  TextField,
} from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import {
  circulateMinutes,
  correctMinutes,
  decideMinutesRequest,
  draftMinutes,
  minutesQuery,
  minutesRequestsQuery,
  minutesUrl,
  saveMinutes,
} from '../api';
import { CirculateMinutes } from './circulate-minutes';
import type { MeetingCtx } from './meeting-page';

/** "Anna Land (Land, Schulamt) – vertreten durch …", as the document lists it. */
function useAttendee() {
  const { t } = useTranslation();
  return (a: MinutesAttendee) => {
    const where = [t(`committee.sides.${a.side}`), a.institution].filter(Boolean).join(', ');
    return `${a.name} (${where})${a.deputy ? ` – ${t('minutesEditor.deputy', { name: a.deputy })}` : ''}`;
  };
}

/** The form's fields as the API takes them. */
function readEdit(form: HTMLFormElement, content: MinutesContent): MinutesInput {
  const fd = new FormData(form);
  const s = (k: string) => String(fd.get(k) ?? '');
  return {
    chair: s('chair'),
    minuteTaker: s('minuteTaker'),
    startedAt: s('startedAt'),
    endedAt: s('endedAt'),
    opening: s('opening'),
    miscellaneous: s('miscellaneous'),
    items: content.items.map((i) => ({ itemId: i.itemId, discussion: s(`item-${i.itemId}`) })),
  };
}

/**
 * The structured minutes: general parts the office writes, the attendance as recorded, and one
 * section per agenda item with what the meeting recorded (read-only) and the discussion text.
 */
function MinutesFields({ content }: { content: MinutesContent }) {
  const { t } = useTranslation();
  const id = useId();
  const attendee = useAttendee();
  const present = content.attendance.filter((a) => a.status === 'present' || a.status === 'represented');
  const excused = content.attendance.filter((a) => a.status === 'excused');
  const absent = content.attendance.filter((a) => a.status === 'absent');
  const group = (label: string, xs: MinutesAttendee[], extra: string[] = []) => (
    <div>
      <h5 className="kern-label">{label}</h5>
      {xs.length + extra.length ? (
        <ul className="bn-card-list">
          {xs.map((a) => (
            <li key={a.name}>{attendee(a)}</li>
          ))}
          {extra.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      ) : (
        <p className="kern-body bn-muted">{t('minutesEditor.nobody')}</p>
      )}
    </div>
  );
  return (
    <>
      <section className="bn-row" aria-labelledby={`${id}-general`}>
        <h4 className="kern-heading-small" id={`${id}-general`}>
          {t('minutesEditor.general')}
        </h4>
        <div className="bn-minutes-pair">
          <TextField label={t('minutesEditor.chair')} name="chair" required defaultValue={content.chair} />
          <TextField
            label={t('minutesEditor.minuteTaker')}
            name="minuteTaker"
            required
            defaultValue={content.minuteTaker}
          />
        </div>
        <div className="bn-minutes-pair">
          <TextField
            label={t('minutesEditor.startedAt')}
            hint={t('minutesEditor.timeHint')}
            name="startedAt"
            required
            inputMode="numeric"
            pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
            defaultValue={content.startedAt}
          />
          <TextField
            label={t('minutesEditor.endedAt')}
            hint={t('minutesEditor.timeHint')}
            name="endedAt"
            required
            inputMode="numeric"
            pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
            defaultValue={content.endedAt}
          />
        </div>
        <TextAreaField
          label={t('minutesEditor.opening')}
          hint={t('minutesEditor.openingHint')}
          name="opening"
          rows={3}
          defaultValue={content.opening}
        />
      </section>
      <section className="bn-row" aria-labelledby={`${id}-attendance`}>
        <h4 className="kern-heading-small" id={`${id}-attendance`}>
          {t('minutesEditor.attendance')}
        </h4>
        <p className="kern-body bn-muted">{t('minutesEditor.attendanceHint')}</p>
        {group(t('minutesEditor.present'), present, content.guests)}
        {group(t('minutesEditor.excused'), excused)}
        {group(t('minutesEditor.absent'), absent)}
      </section>
      {content.items.map((i) => {
        const heading = t('minutesEditor.item', { number: i.number, title: i.title });
        return (
          <section className="bn-row" key={i.itemId} aria-labelledby={`${id}-${i.itemId}`}>
            <h4 className="kern-heading-small" id={`${id}-${i.itemId}`}>
              {heading}
            </h4>
            <div className="bn-minutes-record">
              <h5 className="kern-label">
                {t('minutesEditor.recorded')}
                {i.decisions.length ? (
                  <>
                    {' · '}
                    <span className="bn-decision-number">
                      {t('minutesEditor.decisions', { numbers: i.decisions.join(', ') })}
                    </span>
                  </>
                ) : null}
              </h5>
              {i.record.length ? (
                <ul className="bn-card-list">
                  {i.record.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="kern-body bn-muted">{t('minutesEditor.nothingRecorded')}</p>
              )}
            </div>
            <TextAreaField
              label={t('minutesEditor.discussion', { number: i.number })}
              hint={t('minutesEditor.discussionHint')}
              name={`item-${i.itemId}`}
              rows={4}
              defaultValue={i.discussion}
            />
          </section>
        );
      })}
      <TextAreaField
        label={t('minutesEditor.miscellaneous')}
        name="miscellaneous"
        rows={3}
        defaultValue={content.miscellaneous}
      />
    </>
  );
}

/** The office's view of the members' correction requests: take over or decline, with a note. */
function RequestsPanel({ ctx }: { ctx: MeetingCtx }) {
  const { t } = useTranslation();
  const { networkId, meeting: m } = ctx;
  const qc = useQueryClient();
  const requests = useQuery(minutesRequestsQuery(networkId, m.id));
  const decide = useMutation({
    mutationFn: (x: { id: string; status: 'accepted' | 'declined'; note: string }) =>
      decideMinutesRequest(networkId, m.id, x.id, { status: x.status, note: x.note }),
    onSuccess: (list, x) => {
      qc.setQueryData(minutesRequestsQuery(networkId, m.id).queryKey, list);
      ctx.say(t(x.status === 'accepted' ? 'minutesRequests.accepted' : 'minutesRequests.declined'));
    },
  });
  const list = requests.data ?? [];
  if (!requests.isPending && list.length === 0) return null;
  const open = list.filter((r) => r.status === 'open').length;
  function submit(e: FormEvent<HTMLFormElement>, r: MinutesRequest) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const note = String(new FormData(e.currentTarget).get('note') ?? '');
    decide.mutate({ id: r.id, status: submitter?.value === 'declined' ? 'declined' : 'accepted', note });
  }
  return (
    <section className="bn-stack" aria-labelledby="minutes-requests">
      <h3 className="kern-heading-small" id="minutes-requests">
        {t('minutesRequests.title')}
        {open ? (
          <>
            {' '}
            <Badge kind="info">{t('minutesRequests.openCount', { count: open })}</Badge>
          </>
        ) : null}
      </h3>
      <ErrorAlert error={requests.error ?? decide.error} />
      {requests.isPending ? <Loading /> : null}
      <ul className="bn-minutes-requests">
        {list.map((r) => (
          <li key={r.id} className="bn-row">
            <p className="kern-body">
              <strong>{t('minutesRequests.from', { name: r.memberName, version: r.version })}</strong>
              {' · '}
              {r.itemLabel ?? t('minutesRequests.general')}
              {' · '}
              {formatDateTime(r.createdAt)}{' '}
              <Badge kind={r.status === 'open' ? 'info' : r.status === 'accepted' ? 'success' : 'warning'}>
                {t(`minutesRequests.statuses.${r.status}`)}
              </Badge>
            </p>
            <p className="kern-body bn-pre-line">{r.text}</p>
            {r.status === 'open' ? (
              <form className="bn-form" onSubmit={(e) => submit(e, r)}>
                <TextAreaField
                  label={t('minutesRequests.noteFor', { name: r.memberName })}
                  name="note"
                  rows={2}
                  required
                  minLength={2}
                />
                <div className="bn-form__actions">
                  <Button type="submit" name="status" value="accepted" icon="check" busy={decide.isPending}>
                    {t('minutesRequests.accept')}
                  </Button>
                  <Button type="submit" name="status" value="declined" variant="secondary" icon="close">
                    {t('minutesRequests.decline')}
                  </Button>
                </div>
              </form>
            ) : r.note ? (
              <p className="kern-body bn-muted">
                {t('minutesRequests.note')}: {r.note}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

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
    mutationFn: (input: MinutesInput) => saveMinutes(networkId, m.id, input),
    onSuccess: (list) => done(list, t('meetings.minutes.saved', { version: list[0]?.version })),
  });
  const circulate = useMutation({
    mutationFn: () => circulateMinutes(networkId, m.id),
    onSuccess: (list) => done(list, t('meetings.minutes.circulated', { version: list[0]?.version })),
  });
  const correct = useMutation({
    mutationFn: (x: MinutesInput & { reason: string }) => correctMinutes(networkId, m.id, x),
    onSuccess: (list) => done(list, t('meetings.minutes.corrected', { version: list[0]?.version })),
  });

  const list = minutes.data ?? [];
  const latest = list[0];
  const approved = m.status === 'minutes_approved';
  const approval = list.find((v) => v.approvedBy);
  const circulated = list.find((v) => v.status === 'circulated');
  // A version written as one text before the structured editor gets the meeting's structure on save:
  // the server joins the edit with the records, so an empty skeleton stands in here.
  const content: MinutesContent | null = latest?.content ?? null;

  function submitSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (content) save.mutate(readEdit(e.currentTarget, content));
  }
  function submitCorrection(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!content) return;
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
    correct.mutate({ ...readEdit(e.currentTarget, content), reason });
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
          {m.status === 'minutes_drafted' ? <RequestsPanel ctx={ctx} /> : null}
          {m.status === 'minutes_drafted' && latest && content ? (
            <form
              className="bn-form bn-form--wide bn-minutes-form"
              onSubmit={submitSave}
              key={latest.version}
              aria-labelledby="minutes-editor"
            >
              <h3 className="kern-heading-small" id="minutes-editor">
                {t('minutesEditor.editorTitle', { version: latest.version })}
              </h3>
              {latest.status === 'circulated' ? (
                <Alert kind="info">{t('minutesEditor.circulatedEdit', { version: latest.version })}</Alert>
              ) : circulated ? (
                <Alert kind="warning">{t('minutesEditor.notCirculated')}</Alert>
              ) : null}
              <ErrorAlert error={save.error} />
              <MinutesFields content={content} />
              <p className="kern-body bn-muted">
                {t('meetings.minutes.bodyHint', { version: latest.version })}
              </p>
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
          {m.status === 'minutes_drafted' && latest && !content ? (
            <Alert kind="info">{t('minutesEditor.legacy')}</Alert>
          ) : null}
          {approved && latest && content ? (
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
              <MinutesFields content={content} />
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
