import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function ProjectsPage(_p: { networkId: string }) {
  useTitle('Projekte');
  return (
    <>
      <h1 className="kern-heading-large">Projekte</h1>
    </>
  );
}
