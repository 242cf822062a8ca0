import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function TracePage(_p: { networkId: string; entityId: string; kind: string }) {
  useTitle('Verlauf');
  return (
    <>
      <h1 className="kern-heading-large">Verlauf</h1>
    </>
  );
}
