import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTitle } from '../../lib/use-title';

/** Page heading (h1) and window title in one place, so both always agree. */
export function Page({
  title,
  intro,
  actions,
  children,
  narrow,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  narrow?: boolean;
}) {
  useTitle(title);
  return (
    <div className={`bn-page${narrow ? ' bn-page--narrow' : ''}`}>
      <div className="bn-page__head">
        <div>
          <h1 className="kern-heading-large" tabIndex={-1} data-page-heading>
            {title}
          </h1>
          {intro ? <p className="kern-body kern-body--large bn-intro">{intro}</p> : null}
        </div>
        {actions ? <div className="bn-page__actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = id ?? `s-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="bn-section" aria-labelledby={headingId}>
      <h2 className="kern-heading-medium" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="bn-loading" role="status">
      <span className="kern-loader kern-loader--visible" aria-hidden="true" />
      <span className="kern-body">{t('common.loading')}</span>
    </div>
  );
}
