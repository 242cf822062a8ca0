import { useTranslation } from 'react-i18next';
import { Button } from './button';

/**
 * "Weitere laden" under a list the server pages by key. A real button, so it is reached with Tab and
 * pressed with Enter or Space; it disappears on the last page.
 */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <p className="bn-load-more">
      <Button variant="secondary" busy={loading} onClick={onLoad}>
        {loading ? t('paging.loading') : t('paging.loadMore')}
      </Button>
    </p>
  );
}
