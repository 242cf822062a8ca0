import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail } from '../../../../contracts/networks';
import {
  Alert,
  Button,
  CheckboxField,
  ErrorAlert,
  Loading,
  Page,
  Section,
  StatusMessage,
  TextField,
} from '../../../components/ui';
import { formatDate } from '../../../lib/format';
import { meQuery, useCan, useMe } from '../../../lib/session';
import { createNetwork, networkQuery, updateNetwork } from '../api';
import { LetterheadLogo } from './letterhead-logo';
import { MunicipalitiesSection } from './municipalities-section';

export function SettingsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const detail = useQuery(networkQuery(networkId));
  return (
    <Page title={t('settings.title')}>
      <ErrorAlert error={detail.error} />
      {detail.isPending ? (
        <Loading />
      ) : detail.data ? (
        <>
          <NetworkForm key={detail.data.id} network={detail.data} editable={can('network.manage')} />
          <LetterheadLogo network={detail.data} editable={can('network.manage')} />
          <MunicipalitiesSection network={detail.data} editable={can('network.manage')} />
        </>
      ) : null}
      {me?.platformAdmin ? <CreateNetwork /> : null}
    </Page>
  );
}

function NetworkForm({ network, editable }: { network: NetworkDetail; editable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (v: { name: string; requireSecondFactor: boolean }) => updateNetwork(network.id, v),
    onSuccess: async (d) => {
      qc.setQueryData(networkQuery(network.id).queryKey, d);
      await qc.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    m.mutate({
      name: String(fd.get('name') ?? '').trim(),
      requireSecondFactor: fd.get('require2fa') === 'on',
    });
  }
  return (
    <Section title={t('settings.networkTitle')} id="network-settings">
      <dl className="bn-dl">
        <dt>{t('settings.regionKey')}</dt>
        <dd>{network.regionKey}</dd>
        <dt>{t('settings.createdAt')}</dt>
        <dd>{formatDate(network.createdAt)}</dd>
      </dl>
      <form className="bn-form" onSubmit={submit}>
        <ErrorAlert error={m.error} />
        <StatusMessage message={m.isSuccess ? t('common.saved') : null} />
        <TextField
          label={t('common.name')}
          name="name"
          defaultValue={network.name}
          required
          minLength={3}
          disabled={!editable}
        />
        <CheckboxField
          label={t('settings.requireSecondFactor')}
          name="require2fa"
          defaultChecked={network.requireSecondFactor}
          hint={t('settings.requireSecondFactorHint')}
          disabled={!editable}
        />
        {editable ? (
          <div className="bn-form__actions">
            <Button type="submit" busy={m.isPending}>
              {t('common.save')}
            </Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}

function CreateNetwork() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [created, setCreated] = useState<NetworkDetail | null>(null);
  const m = useMutation({
    mutationFn: createNetwork,
    onSuccess: async (d) => {
      setCreated(d);
      await qc.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    m.mutate(
      { name: String(fd.get('name') ?? '').trim(), regionKey: String(fd.get('regionKey') ?? '').trim() },
      { onSuccess: () => form.reset() },
    );
  }
  return (
    <Section title={t('settings.newNetworkTitle')} id="new-network">
      <p className="kern-body">{t('settings.newNetworkIntro')}</p>
      <form className="bn-form" onSubmit={submit}>
        <ErrorAlert error={m.error} />
        <div aria-live="polite">
          {created ? (
            <Alert kind="success" title={t('settings.created', { name: created.name })}>
              <p className="kern-body">
                <Link to="/n/$networkId/start" params={{ networkId: created.id }} className="kern-link">
                  {t('settings.openNew', { name: created.name })}
                </Link>
              </p>
            </Alert>
          ) : null}
        </div>
        <TextField
          label={t('setup.networkName')}
          name="name"
          required
          minLength={3}
          placeholder={t('setup.networkNamePlaceholder')}
        />
        <TextField
          label={t('setup.regionKey')}
          name="regionKey"
          required
          inputMode="numeric"
          pattern="[0-9]{2,12}"
          hint={t('setup.regionKeyHint')}
        />
        <div className="bn-form__actions">
          <Button type="submit" icon="add" busy={m.isPending}>
            {t('settings.create')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
