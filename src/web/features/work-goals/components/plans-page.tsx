import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function PlansPage(_p: { networkId: string }) {
  useTitle('Arbeitsplanung');
  return (
    <>
      <h1 className="kern-heading-large">Arbeitsplanung</h1>
    </>
  );
}
