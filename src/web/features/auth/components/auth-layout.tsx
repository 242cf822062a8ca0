import type { ReactNode } from 'react';
import { useTitle } from '../../../lib/use-title';

/** The narrow, centred card used by every page a signed-out person sees. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  useTitle(title);
  return (
    <div className="bn-auth">
      <div className="bn-auth-card">
        <h1 className="kern-heading-large" tabIndex={-1} data-page-heading>
          {title}
        </h1>
        {intro ? <p className="kern-body">{intro}</p> : null}
        {children}
      </div>
    </div>
  );
}
