import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function QualityIndexPage(_p: { networkId: string }) {
  useTitle('Qualitätszyklus');
  return (
    <>
      <h1 className="kern-heading-large">Qualitätszyklus</h1>
    </>
  );
}
