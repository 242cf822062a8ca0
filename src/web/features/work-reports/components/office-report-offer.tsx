import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalEntry } from '../../../../contracts/work-reports';
import {
  Alert,
  Badge,
  Button,
  CheckboxField,
  FormDialog,
  Section,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { addOfficeReport, officeReportQuery, reportsKey } from '../api';
import './reports.css';

/**
 * The meeting page's offer while the agenda is planned (office): "Bericht aus dem Bildungsbüro
 * aufnehmen (N Berichte fällig)", a dialog listing every due report prefilled, with checkboxes.
 */
export function OfficeReportOffer({
  networkId,
  meetingId,
  onAdded,
}: {
  networkId: string;
  meetingId: string;
  onAdded: (message: string) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const proposal = useQuery(officeReportQuery(networkId, meetingId));
  const [open, setOpen] = useState(false);
  const add = useMutation({
    mutationFn: ({ entries, proposeDecisions }: { entries: ProposalEntry[]; proposeDecisions: boolean }) =>
      addOfficeReport(networkId, meetingId, {
        entries: entries.map((e) => ({
          kind: e.subject.kind,
          id: e.subject.id,
          text: e.text,
          progress: e.progress,
        })),
        proposeDecisions,
      }),
    onSuccess: async (r) => {
      setOpen(false);
      await qc.invalidateQueries({ queryKey: reportsKey(networkId) });
      await onAdded(t('workReports.offer.added', { count: r.reportIds.length }));
    },
  });
  const p = proposal.data;
  if (!p?.open) return null;
  const count = p.entries.length;
  const submit = (fd: FormData) => {
    const chosen = p.entries
      .filter((e) => fd.get(`include-${e.subject.id}`) === 'on')
      .map((e) => ({
        ...e,
        text: String(fd.get(`text-${e.subject.id}`) ?? ''),
        progress: Number(fd.get(`progress-${e.subject.id}`)),
      }));
    // An empty choice is refused by the server with its message, shown in the dialog.
    add.mutate({ entries: chosen, proposeDecisions: fd.get('proposeDecisions') === 'on' });
  };

  return (
    <Section title={t('workReports.offer.title')} id="office-report">
      {count === 0 ? (
        <p className="kern-body bn-muted">
          {t(p.existingItemId ? 'workReports.offer.taken' : 'workReports.offer.none')}
        </p>
      ) : (
        <>
          <p className="kern-body bn-prose">{t('workReports.offer.intro', { count })}</p>
          {p.existingItemId ? <Alert kind="info">{t('workReports.offer.existing')}</Alert> : null}
          <p>
            <Button
              icon="add"
              onClick={() => {
                add.reset();
                setOpen(true);
              }}
            >
              {t('workReports.offer.button', { count })}
            </Button>
          </p>
        </>
      )}
      {open ? (
        <FormDialog
          open
          title={t('workReports.offer.dialogTitle')}
          submitLabel={t('workReports.offer.submit')}
          busy={add.isPending}
          error={add.error}
          onClose={() => setOpen(false)}
          onSubmit={(e) => submit(new FormData(e.currentTarget))}
        >
          <h3 className="kern-heading-small">{t('workReports.offer.choose')}</h3>
          {p.entries.map((e) => (
            <fieldset key={e.subject.id} className="bn-offer-entry bn-stack">
              <legend>{e.subject.label}</legend>
              <p className="bn-report__head">
                <Badge kind={e.needsDecision ? 'warning' : 'info'}>
                  {t(`workReports.reason.${e.reason}`)}
                </Badge>
                <span className="kern-body">
                  {t(`workReports.state.${e.subject.status}`, { defaultValue: e.subject.status })},{' '}
                  {e.subject.progress} %
                </span>
                {e.subject.fieldName ? (
                  <span className="kern-body bn-muted">
                    {t('workReports.offer.field', { name: e.subject.fieldName })}
                  </span>
                ) : null}
              </p>
              {e.needsDecision ? <p className="kern-body">{t('workReports.offer.needsDecision')}</p> : null}
              <CheckboxField
                name={`include-${e.subject.id}`}
                label={t('workReports.offer.include', { label: e.subject.label })}
                defaultChecked
              />
              <TextAreaField
                name={`text-${e.subject.id}`}
                label={t('workReports.offer.textFor', { label: e.subject.label })}
                hint={e.draft ? t('workReports.offer.fromDraft') : undefined}
                rows={3}
                defaultValue={e.text}
              />
              <TextField
                name={`progress-${e.subject.id}`}
                type="number"
                min={0}
                max={100}
                inputMode="numeric"
                label={t('workReports.offer.progressFor', { label: e.subject.label })}
                defaultValue={e.progress}
              />
            </fieldset>
          ))}
          {p.entries.some((e) => e.needsDecision) ? (
            <CheckboxField
              name="proposeDecisions"
              label={t('workReports.offer.proposeDecisions')}
              defaultChecked
            />
          ) : null}
        </FormDialog>
      ) : null}
    </Section>
  );
}
