import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function GoalsPage(_p: { networkId: string }) {
  useTitle('Ziele');
  return (
    <>
      <h1 className="kern-heading-large">Ziele</h1>
    </>
  );
}
