import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, FormDialog, SelectField, TextAreaField, TextField } from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import { createOrder, fieldsQuery, officeStaffQuery, ordersKey, workOrderDecisionsQuery } from '../api';

/**
 * "Auftrag anlegen": picks a taken decision of type work order, takes over its title and field of
 * action, and asks for assignee, due date and expected result. `decisionId` preselects one (register).
 */
export function CreateOrderDialog({
  networkId,
  open,
  onClose,
  decisionId: preset,
}: {
  networkId: string;
  open: boolean;
  onClose: () => void;
  decisionId?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const decisions = useQuery({ ...workOrderDecisionsQuery(networkId), enabled: open });
  const staff = useQuery({ ...officeStaffQuery(networkId), enabled: open });
  const fields = useQuery({ ...fieldsQuery(networkId), enabled: open });
  const [decisionId, setDecisionId] = useState(preset ?? '');
  const [title, setTitle] = useState('');
  const [fieldId, setFieldId] = useState('');
  const decision = decisions.data?.find((d) => d.id === decisionId);

  const create = useMutation({
    mutationFn: (fd: FormData) => {
      const v = (k: string) => String(fd.get(k) ?? '').trim();
      return createOrder(networkId, {
        decisionId,
        title,
        fieldId: decision?.fieldId ? undefined : fieldId || undefined,
        expectedResult: v('expectedResult'),
        assigneeId: v('assigneeId'),
        dueOn: v('dueOn'),
        reportDueOn: v('reportDueOn') || null,
      });
    },
    onSuccess: async (o) => {
      await qc.invalidateQueries({ queryKey: ordersKey(networkId) });
      await qc.invalidateQueries({ queryKey: ['networks', networkId, 'decisions'] });
      onClose();
      await navigate({
        to: '/n/$networkId/arbeitsprogramm/auftraege/$orderId',
        params: { networkId, orderId: o.id },
      });
    },
  });

  // Preselected (from the register): take over its title and field once the decisions are loaded.
  const presetDecision = decisions.data?.find((d) => d.id === preset);
  useEffect(() => {
    if (presetDecision) {
      setTitle((x) => x || presetDecision.title);
      setFieldId((x) => x || (presetDecision.fieldId ?? ''));
    }
  }, [presetDecision]);

  function choose(id: string) {
    setDecisionId(id);
    const d = decisions.data?.find((x) => x.id === id);
    if (d) {
      setTitle(d.title);
      setFieldId(d.fieldId ?? '');
    }
  }

  const list = decisions.data ?? [];
  return (
    <FormDialog
      open={open}
      title={t('workOrders.createTitle')}
      submitLabel={t('workOrders.create')}
      onSubmit={(e) => create.mutate(new FormData(e.currentTarget))}
      onClose={onClose}
      busy={create.isPending}
      error={create.error}
    >
      {decisions.data && list.length === 0 ? (
        <p className="kern-body">{t('workOrders.noDecisions')}</p>
      ) : null}
      <SelectField
        label={t('workOrders.decision')}
        hint={t('workOrders.decisionHint')}
        name="decisionId"
        required
        value={decisionId}
        onChange={(e) => choose(e.target.value)}
        options={[
          { value: '', label: t('workOrders.choose') },
          ...list.map((d) => ({ value: d.id, label: `${d.number} (${formatDay(d.decidedOn)}): ${d.title}` })),
        ]}
      />
      <TextField
        label={t('workOrders.titleField')}
        name="title"
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      {decision?.fieldId ? (
        <p className="kern-body">
          <strong>{t('workOrders.field')}:</strong> {decision.fieldName}
        </p>
      ) : (
        <SelectField
          label={t('workOrders.field')}
          name="fieldId"
          value={fieldId}
          onChange={(e) => setFieldId(e.target.value)}
          options={[
            { value: '', label: t('workOrders.choose') },
            ...(fields.data ?? []).filter((f) => f.joint).map((f) => ({ value: f.id, label: f.name })),
          ]}
        />
      )}
      <TextAreaField label={t('workOrders.expectedResult')} name="expectedResult" rows={3} />
      <SelectField
        label={t('workOrders.assignee')}
        name="assigneeId"
        required
        defaultValue=""
        options={[
          { value: '', label: t('workOrders.choose') },
          ...(staff.data ?? []).map((s) => ({ value: s.userId, label: s.name })),
        ]}
      />
      <DateField label={t('workOrders.dueOn')} name="dueOn" required min={decision?.decidedOn} />
      <DateField label={t('workOrders.reportDueOn')} name="reportDueOn" />
    </FormDialog>
  );
}
