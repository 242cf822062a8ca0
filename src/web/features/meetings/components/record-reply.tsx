import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SelectField } from '../../../components/ui';
import { meetingsKey, type Recipient, recordReply } from '../api';

/**
 * One recipient's reply as the office heard it on the phone or read it on paper: the reply link stays
 * the member's own, and the entry carries the office's name in the audit trail.
 */
export function RecordReply({
  networkId,
  meetingId,
  recipient,
  onDone,
}: {
  networkId: string;
  meetingId: string;
  recipient: Recipient;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (input: { reply: NonNullable<Recipient['reply']>; channel: 'phone' | 'paper' }) =>
      recordReply(networkId, meetingId, recipient.id, input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: meetingsKey(networkId) });
      onDone(recipient.name);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({
      reply: String(f.get('reply')) as NonNullable<Recipient['reply']>,
      channel: String(f.get('channel')) as 'phone' | 'paper',
    });
  }
  const replies = (['attending', 'deputy', 'excused'] as const).filter(
    (r) => r !== 'deputy' || recipient.kind === 'member',
  );
  const id = `reply-${recipient.id}`;
  return (
    <form
      className="bn-inline-form"
      onSubmit={submit}
      aria-label={t('personalLinks.replyFor', { name: recipient.name })}
    >
      <ErrorAlert error={save.error} />
      <SelectField
        id={`${id}-reply`}
        name="reply"
        hideLabel
        label={t('personalLinks.replyFor', { name: recipient.name })}
        defaultValue={recipient.reply ?? 'attending'}
        options={replies.map((r) => ({ value: r, label: t(`meetings.replies.${r}`) }))}
      />
      <SelectField
        id={`${id}-channel`}
        name="channel"
        hideLabel
        label={t('personalLinks.channel')}
        defaultValue="phone"
        options={(['phone', 'paper'] as const).map((c) => ({
          value: c,
          label: t(`personalLinks.channels.${c}`),
        }))}
      />
      <Button type="submit" variant="secondary" small busy={save.isPending}>
        {t('personalLinks.replySubmit')}
      </Button>
    </form>
  );
}
