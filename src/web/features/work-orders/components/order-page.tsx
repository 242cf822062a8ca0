import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function OrderPage(_p: { networkId: string; orderId: string }) {
  useTitle('Arbeitsauftrag');
  return (
    <>
      <h1 className="kern-heading-large">Arbeitsauftrag</h1>
    </>
  );
}
