import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function DeskPage(_p: { networkId: string }) {
  useTitle('Mein Schreibtisch');
  return (
    <>
      <h1 className="kern-heading-large">Mein Schreibtisch</h1>
    </>
  );
}
