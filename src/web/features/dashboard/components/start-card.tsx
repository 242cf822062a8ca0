import type { ReactNode } from 'react';

/** One card of Start: a title, what needs doing, and where it is done. */
export function StartCard({
  id,
  title,
  children,
  footer,
  wide,
}: {
  id: string;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  return (
    <article className={`kern-card${wide ? ' bn-card--wide' : ''}`} aria-labelledby={id} data-testid={id}>
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-title" id={id}>
            {title}
          </h2>
        </header>
        <div className="kern-card__body">{children}</div>
        {footer ? <footer className="kern-card__footer">{footer}</footer> : null}
      </div>
    </article>
  );
}
