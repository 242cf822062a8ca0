import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeMember } from '../../../../contracts/steering';
import { Button, ErrorAlert, Loading, Section } from '../../../components/ui';
import {
  type AttendanceEntry,
  committeeQuery,
  type Recipient,
  recipientsQuery,
  recordAttendance,
} from '../api';
import { principalsOn } from './decisions';
import { berlinLocal } from './labels';
import type { MeetingCtx } from './meeting-page';

type Status = AttendanceEntry['status'];
const statuses: Status[] = ['present', 'represented', 'excused', 'absent'];

/** What a member's reply to the invitation suggests for the attendance list. */
function fromReply(reply: Recipient['reply'], hasDeputy: boolean): Status {
  if (reply === 'attending') return 'present';
  if (reply === 'deputy') return hasDeputy ? 'represented' : 'excused';
  if (reply === 'excused') return 'excused';
  return 'absent';
}

/** Who attends: in the meeting a form for every member (prefilled from the replies), afterwards the list. */
export function AttendanceSection({ ctx }: { ctx: MeetingCtx }) {
  const { t } = useTranslation();
  const { networkId, meeting: m, manage } = ctx;
  const members = useQuery(committeeQuery(networkId));
  const editing = manage && m.status === 'held';
  const recipients = useQuery({ ...recipientsQuery(networkId, m.id), enabled: editing });
  const day = berlinLocal(m.startsAt).day;
  const all = members.data ?? [];
  const principals = principalsOn(all, day);
  const deputyOf = (id: string) => all.find((x) => x.deputyOf === id) ?? null;

  let body: ReactNode;
  if (members.isPending || (editing && recipients.isPending)) body = <Loading />;
  else if (principals.length === 0) body = <p className="kern-body">{t('meetings.noMembers')}</p>;
  else if (editing)
    body = (
      <AttendanceForm
        ctx={ctx}
        principals={principals}
        deputyOf={deputyOf}
        replies={
          new Map((recipients.data ?? []).filter((r) => r.memberId).map((r) => [r.memberId!, r.reply]))
        }
      />
    );
  else
    body =
      m.attendance.length === 0 ? (
        <p className="kern-body">{t('meetings.noAttendance')}</p>
      ) : (
        <ul className="bn-card-list">
          {principals.map((x) => {
            const a = m.attendance.find((y) => y.memberId === x.id);
            const deputy = a?.deputyId ? all.find((d) => d.id === a.deputyId) : null;
            return (
              <li key={x.id}>
                {x.name}:{' '}
                {deputy
                  ? t('meetings.attendance.representedBy', { name: deputy.name })
                  : t(`meetings.attendance.${a?.status ?? 'absent'}`)}
              </li>
            );
          })}
        </ul>
      );

  return (
    <Section title={t('meetings.attendanceTitle')} id="meeting-attendance">
      <ErrorAlert error={members.error ?? recipients.error} />
      {body}
    </Section>
  );
}

function AttendanceForm({
  ctx,
  principals,
  deputyOf,
  replies,
}: {
  ctx: MeetingCtx;
  principals: CommitteeMember[];
  deputyOf: (id: string) => CommitteeMember | null;
  replies: Map<string, Recipient['reply']>;
}) {
  const { t } = useTranslation();
  const { networkId, meeting: m } = ctx;
  const [values, setValues] = useState<Record<string, Status>>(() =>
    Object.fromEntries(
      principals.map((x) => {
        const recorded = m.attendance.find((a) => a.memberId === x.id);
        return [x.id, recorded?.status ?? fromReply(replies.get(x.id) ?? null, !!deputyOf(x.id))];
      }),
    ),
  );
  const save = useMutation({
    mutationFn: (entries: AttendanceEntry[]) => recordAttendance(networkId, m.id, entries),
    onSuccess: async () => {
      ctx.say(t('meetings.attendanceSaved'));
      await ctx.refresh();
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.mutate(
      principals.map((x) => ({
        memberId: x.id,
        status: values[x.id] ?? 'absent',
        deputyId: values[x.id] === 'represented' ? (deputyOf(x.id)?.id ?? null) : null,
      })),
    );
  }
  return (
    <form className="bn-form bn-form--wide" onSubmit={submit}>
      {m.attendance.length === 0 ? (
        <p className="kern-body bn-muted">{t('meetings.attendancePrefill')}</p>
      ) : null}
      <ErrorAlert error={save.error} />
      <div className="bn-attendance">
        {principals.map((x) => {
          const deputy = deputyOf(x.id);
          return (
            <fieldset className="kern-fieldset bn-row" key={x.id}>
              <legend className="kern-label">
                {x.name}
                <span className="bn-muted">
                  {' '}
                  ({t(`meetings.sides.${x.side}`)}
                  {x.voting ? '' : `, ${t('meetings.noVote')}`})
                </span>
              </legend>
              <div className="kern-fieldset__body kern-fieldset__body--horizontal">
                {statuses
                  .filter((s) => s !== 'represented' || deputy)
                  .map((s) => (
                    <div className="kern-form-check" key={s}>
                      <input
                        className="kern-form-check__radio"
                        type="radio"
                        id={`att-${x.id}-${s}`}
                        name={`att-${x.id}`}
                        value={s}
                        checked={values[x.id] === s}
                        onChange={() => setValues({ ...values, [x.id]: s })}
                      />
                      <label className="kern-label" htmlFor={`att-${x.id}-${s}`}>
                        {s === 'represented' && deputy
                          ? t('meetings.attendance.representedBy', { name: deputy.name })
                          : t(`meetings.attendance.${s}`)}
                      </label>
                    </div>
                  ))}
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className="bn-form__actions">
        <Button type="submit" icon="check" busy={save.isPending}>
          {t('meetings.saveAttendance')}
        </Button>
      </div>
    </form>
  );
}
