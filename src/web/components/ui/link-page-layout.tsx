import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n';
import { useTitle } from '../../lib/use-title';
import { BrandText, SiteHeader } from './site-header';

/**
 * Frame of the pages reached from a personal link in a mail (no session, often on a phone): skip link,
 * KERN header, one narrow column in <main>, a short footer.
 */
export function LinkPageLayout({ children, sub }: { children: ReactNode; sub?: MessageKey }) {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader
        brand={
          <span className="bn-brand">
            <BrandText name={t('app.name')} sub={t(sub ?? 'linkPage.sub')} />
          </span>
        }
      />
      <div className="bn-body">
        <div className="kern-container bn-public">
          <main id="inhalt" tabIndex={-1} className="bn-link-page">
            {children}
          </main>
        </div>
      </div>
      <footer className="bn-footer">
        <div className="kern-container bn-footer__inner">
          <p className="kern-body kern-body--small">{t('linkPage.footer')}</p>
        </div>
      </footer>
    </>
  );
}

/** The page's h1 and window title, as on every other page. */
export function LinkPageHeading({ title }: { title: string }) {
  useTitle(title);
  return (
    <h1 className="kern-heading-large" tabIndex={-1} data-page-heading>
      {title}
    </h1>
  );
}
