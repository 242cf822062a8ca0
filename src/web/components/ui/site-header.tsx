import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Skip link and KERN header shared by the app and the public pages: the federal "Kopfzeile", then
 * the brand (a link, given by the caller) and optional tools.
 */
export function SiteHeader({ brand, tools, lng }: { brand: ReactNode; tools?: ReactNode; lng?: string }) {
  const { t } = useTranslation(undefined, lng ? { lng } : undefined);
  return (
    <>
      <a href="#inhalt" className="bn-skip">
        {t('app.skip')}
      </a>
      <header className="bn-header">
        <div className="kern-kopfzeile">
          <div className="kern-container">
            <div className="kern-kopfzeile__content">
              <span className="kern-kopfzeile__label">{t('app.tagline')}</span>
            </div>
          </div>
        </div>
        <div className="kern-container bn-header__bar">
          {brand}
          <div className="bn-header__tools">{tools}</div>
        </div>
      </header>
    </>
  );
}

/** The brand's mark and text, placed inside the caller's home link. */
export function BrandText({
  name,
  sub,
  subTestId,
}: {
  name: string;
  sub?: string | null;
  subTestId?: string;
}) {
  return (
    <>
      <span className="bn-brand__mark" aria-hidden="true">
        B
      </span>
      <span className="bn-brand__text">
        <span className="bn-brand__name">{name}</span>
        {sub ? (
          <span className="bn-brand__network" data-testid={subTestId}>
            {sub}
          </span>
        ) : null}
      </span>
    </>
  );
}
