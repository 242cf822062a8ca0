import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeMember } from '../../../../contracts/steering';
import { Button, ErrorAlert, Loading, Section, SelectField } from '../../../components/ui';
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

/**
 * What a member's reply to the invitation suggests: "alle anwesend" unless they said otherwise; the
 * deputy attends for whoever sent them, whoever declined is excused.
 */
function fromReply(reply: Recipient['reply'], hasDeputy: boolean): Status {
  if (reply === 'deputy') return hasDeputy ? 'represented' : 'excused';
  if (reply === 'excused') return 'excused';
  return 'present';
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
    <Section
      title={
        editing
          ? `${t('meetingRun.step', { n: 1 })}: ${t('meetings.attendanceTitle')}`
          : t('meetings.attendanceTitle')
      }
      id="meeting-attendance"
    >
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
        status: values[x.id] ?? 'present',
        deputyId: values[x.id] === 'represented' ? (deputyOf(x.id)?.id ?? null) : null,
      })),
    );
  }
  const count = (s: Status) => principals.filter((x) => values[x.id] === s).length;
  return (
    <form className="bn-form bn-form--wide" onSubmit={submit} aria-label={t('meetings.attendanceTitle')}>
      <p className="kern-body bn-prose">{t('meetingRun.attendance.intro')}</p>
      <ErrorAlert error={save.error} />
      <p>
        <Button
          variant="secondary"
          icon="check"
          onClick={() => setValues(Object.fromEntries(principals.map((x) => [x.id, 'present' as Status])))}
        >
          {t('meetingRun.attendance.allPresent')}
        </Button>
      </p>
      <div className="bn-attendance">
        {principals.map((x) => {
          const deputy = deputyOf(x.id);
          const reply = replies.get(x.id) ?? null;
          return (
            <SelectField
              key={x.id}
              id={`att-${x.id}`}
              label={`${x.name} (${t(`meetings.sides.${x.side}`)}${x.voting ? '' : `, ${t('meetings.noVote')}`})`}
              hint={t('meetingRun.attendance.reply', {
                reply: reply ? t(`meetings.replies.${reply}`) : t('meetingRun.attendance.noReply'),
              })}
              value={values[x.id]}
              onChange={(e) => setValues({ ...values, [x.id]: e.currentTarget.value as Status })}
              options={statuses
                .filter((s) => s !== 'represented' || deputy)
                .map((s) => ({
                  value: s,
                  label:
                    s === 'represented' && deputy
                      ? t('meetings.attendance.representedBy', { name: deputy.name })
                      : t(`meetings.attendance.${s}`),
                }))}
            />
          );
        })}
      </div>
      <p className="kern-body" aria-live="polite">
        {t('meetingRun.attendance.summary', {
          present: count('present'),
          represented: count('represented'),
          excused: count('excused'),
          absent: count('absent'),
        })}
      </p>
      <div className="bn-form__actions">
        <Button type="submit" icon="check" busy={save.isPending}>
          {t('meetingRun.attendance.save')}
        </Button>
      </div>
    </form>
  );
}
