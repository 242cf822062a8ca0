import { useTitle } from '../../../lib/use-title';

/** Placeholder until its part of the work programme lands. */
export function ProjectPage(_p: { networkId: string; projectId: string }) {
  useTitle('Projekt');
  return (
    <>
      <h1 className="kern-heading-large">Projekt</h1>
    </>
  );
}
