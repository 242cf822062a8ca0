import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, ErrorAlert, Loading, Section } from '../../../components/ui';
import { filterPreviewQuery, type ListFilter, type ListPreview, listPreviewQuery } from '../api';
import { ListPeopleTable } from './list-people-table';

const hasCondition = (f: ListFilter) =>
  Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v === true));

/** A dynamic list's preview of the filter being edited (not yet saved). */
export function LivePreview({
  networkId,
  needsConsent,
  filter,
}: {
  networkId: string;
  needsConsent: boolean;
  filter: ListFilter;
}) {
  const { t } = useTranslation();
  const preview = useQuery({
    ...filterPreviewQuery(networkId, needsConsent, filter),
    enabled: hasCondition(filter),
  });
  if (!hasCondition(filter))
    return (
      <Section title={t('contactsLists.previewTitle')} id="list-preview">
        <p className="kern-body" role="status">
          {t('contactsLists.noCondition')}
        </p>
      </Section>
    );
  return <PreviewView preview={preview.data} error={preview.error} pending={preview.isPending} />;
}

/** The saved list's preview: who gets mail and who is left out. */
export function SavedPreview({
  networkId,
  listId,
  version,
}: {
  networkId: string;
  listId: string;
  version: number;
}) {
  const preview = useQuery(listPreviewQuery(networkId, listId));
  const { refetch } = preview;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the list was changed
  useEffect(() => {
    void refetch();
  }, [version, refetch]);
  return <PreviewView preview={preview.data} error={preview.error} pending={preview.isPending} />;
}

function PreviewView({
  preview,
  error,
  pending,
}: {
  preview: ListPreview | undefined;
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('contactsLists.previewTitle')} id="list-preview">
      <ErrorAlert error={error} />
      {pending || !preview ? (
        <Loading />
      ) : (
        <>
          <p className="kern-body" role="status">
            {t('contactsLists.previewCount', preview.counts)}
          </p>
          <h3 className="kern-heading-small" id="list-included">
            {t('contactsLists.includedTitle', { count: preview.counts.included })}
          </h3>
          {preview.included.length === 0 ? (
            <p className="kern-body">{t('contactsLists.noneIncluded')}</p>
          ) : (
            <ListPeopleTable
              labelledBy="list-included"
              people={preview.included}
              secondLabel={t('contactsLists.email')}
              second={(p) => p.email}
            />
          )}
          {preview.excluded.length > 0 ? (
            <>
              <h3 className="kern-heading-small" id="list-excluded">
                {t('contactsLists.excludedTitle', { count: preview.counts.excluded })}
              </h3>
              <ListPeopleTable
                labelledBy="list-excluded"
                people={preview.excluded}
                secondLabel={t('contactsLists.reason')}
                second={(p) => <Badge kind="warning">{t(`contactsLists.reasons.${p.reason}`)}</Badge>}
                secondBreaks={false}
              />
            </>
          ) : null}
        </>
      )}
    </Section>
  );
}
