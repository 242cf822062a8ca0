import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function QualityPage(_p: { networkId: string; fieldId: string }) {
  useTitle('Qualitätszyklus');
  return (
    <>
      <h1 className="kern-heading-large">Qualitätszyklus</h1>
    </>
  );
}
