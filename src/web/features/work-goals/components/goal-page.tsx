import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function GoalPage(_p: { networkId: string; goalId: string }) {
  useTitle('Ziel');
  return (
    <>
      <h1 className="kern-heading-large">Ziel</h1>
    </>
  );
}
