import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function OrdersPage(_p: { networkId: string }) {
  useTitle('Arbeitsaufträge');
  return (
    <>
      <h1 className="kern-heading-large">Arbeitsaufträge</h1>
    </>
  );
}
