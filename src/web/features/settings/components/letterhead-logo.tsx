import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail } from '../../../../contracts/networks';
import { Button, ErrorAlert, Section, SelectField, StatusMessage } from '../../../components/ui';
import { imageFilesQuery, networkQuery, updateNetwork } from '../api';

/**
 * The logo on the letterhead of the minutes (PDF and Word): one of the network's PNG or JPEG files,
 * uploaded under "Dokumente". Without one the letterhead carries the network's name alone.
 */
export function LetterheadLogo({ network, editable }: { network: NetworkDetail; editable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const images = useQuery({ ...imageFilesQuery(network.id), enabled: editable });
  const m = useMutation({
    mutationFn: (logoFileId: string | null) => updateNetwork(network.id, { logoFileId }),
    onSuccess: (d) => qc.setQueryData(networkQuery(network.id).queryKey, d),
  });
  if (!editable) return null;
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const id = String(new FormData(e.currentTarget).get('logo') ?? '');
    m.mutate(id || null);
  }
  const list = images.data ?? [];
  return (
    <Section title={t('letterhead.title')} id="letterhead">
      <p className="kern-body">{t('letterhead.intro')}</p>
      <form className="bn-form" onSubmit={submit}>
        <ErrorAlert error={images.error ?? m.error} />
        <StatusMessage message={m.isSuccess ? t('common.saved') : null} />
        <SelectField
          label={t('letterhead.logo')}
          hint={list.length ? t('letterhead.hint') : t('letterhead.noImages')}
          name="logo"
          defaultValue={network.logoFileId ?? ''}
          key={`${network.logoFileId}-${list.length}`}
          options={[
            { value: '', label: t('letterhead.none') },
            ...list.map((f) => ({ value: f.id, label: f.name })),
          ]}
        />
        <div className="bn-form__actions">
          <Button type="submit" busy={m.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
