import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function PlanPage(_p: { networkId: string; planId: string }) {
  useTitle('Arbeitsplanung');
  return (
    <>
      <h1 className="kern-heading-large">Arbeitsplanung</h1>
    </>
  );
}
