import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../contracts/steering';
import {
  Button,
  ErrorAlert,
  Section,
  SelectField,
  StatusMessage,
  TextAreaField,
} from '../../../components/ui';
import { type OfficeChannel, proceduresKey, recordVote, type Stance } from '../api';

type Vote = Procedure['votes'][number];

/**
 * The office enters answers that reached it by phone or on paper: one small form per member who has
 * not answered through their own link. Answers given through the link are the member's alone.
 */
export function RecordVotes({ networkId, procedure }: { networkId: string; procedure: Procedure }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const open = procedure.votes.filter((v) => v.channel !== 'link');
  if (open.length === 0) return null;
  return (
    <Section id="record" title={t('personalLinks.recordTitle')}>
      <p className="kern-body">{t('personalLinks.recordIntro')}</p>
      <StatusMessage message={message} />
      {open.map((v) => (
        <RecordVoteForm
          key={v.memberId}
          networkId={networkId}
          procedureId={procedure.id}
          vote={v}
          onDone={(name) => setMessage(t('personalLinks.recorded', { name }))}
        />
      ))}
    </Section>
  );
}

function RecordVoteForm({
  networkId,
  procedureId,
  vote,
  onDone,
}: {
  networkId: string;
  procedureId: string;
  vote: Vote;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (input: { stance: Stance; reason: string; channel: OfficeChannel }) =>
      recordVote(networkId, procedureId, vote.memberId, input),
    onSuccess: (p) => {
      qc.setQueryData([...proceduresKey(networkId), procedureId], p);
      void qc.invalidateQueries({ queryKey: [...proceduresKey(networkId), 'list'] });
      onDone(vote.name);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({
      stance: String(f.get('stance')) as Stance,
      reason: String(f.get('reason') ?? '').trim(),
      channel: String(f.get('channel')) as OfficeChannel,
    });
  }
  const legendId = `record-${vote.memberId}`;
  return (
    <form className="bn-form bn-record-vote" onSubmit={submit} aria-labelledby={legendId} noValidate>
      <h3 className="kern-heading-small" id={legendId}>
        {t('personalLinks.recordFor', { name: vote.name })}
      </h3>
      <ErrorAlert error={save.error} />
      <SelectField
        label={t('personalLinks.stance')}
        name="stance"
        id={`${legendId}-stance`}
        // Nothing is preselected: an answer is entered only as the member gave it.
        defaultValue={vote.stance ?? ''}
        options={[
          { value: '', label: t('personalLinks.chooseStance') },
          ...(['consent', 'stand_aside', 'objection'] as const).map((s) => ({
            value: s,
            label: t(`procedures.stances.${s}`),
          })),
        ]}
      />
      <SelectField
        label={t('personalLinks.channel')}
        name="channel"
        id={`${legendId}-channel`}
        defaultValue={vote.channel === 'paper' ? 'paper' : 'phone'}
        options={(['phone', 'paper'] as const).map((c) => ({
          value: c,
          label: t(`personalLinks.channels.${c}`),
        }))}
      />
      <TextAreaField
        label={t('personalLinks.reason')}
        name="reason"
        id={`${legendId}-reason`}
        rows={2}
        defaultValue={vote.reason ?? ''}
      />
      <div className="bn-form__actions">
        <Button type="submit" busy={save.isPending}>
          {t('personalLinks.submit')}
        </Button>
      </div>
    </form>
  );
}
