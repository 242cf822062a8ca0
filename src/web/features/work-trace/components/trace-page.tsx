import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type TraceKind, TraceKinds, type TraceNode } from '../../../../contracts/trace';
import { Alert, ErrorAlert, Loading, Page, Section } from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import { traceQuery } from '../api';

/** A node's own page: its path inside the network, with the query string (register search) split off. */
export function NodeLink({
  networkId,
  node,
}: {
  networkId: string;
  node: Pick<TraceNode, 'path' | 'label'>;
}) {
  if (!node.path) return <>{node.label}</>;
  const [path, query] = node.path.split('?');
  const search = Object.fromEntries(new URLSearchParams(query ?? ''));
  return (
    <Link to={`/n/${networkId}/${path}` as never} search={search as never} className="kern-link">
      {node.label}
    </Link>
  );
}

function Entry({ networkId, node }: { networkId: string; node: TraceNode }) {
  const { t } = useTranslation();
  return (
    <li className="bn-trace__entry">
      <p className="kern-body kern-body--small bn-muted">
        <time dateTime={node.date ?? undefined}>{formatDay(node.date)}</time> · {node.kindLabel}
      </p>
      <p className="kern-body bn-break">
        <NodeLink networkId={networkId} node={node} />
      </p>
      <p className="kern-body kern-body--small">
        {node.state ? `${t('trace.state')}: ${node.state}` : null}
        {node.state && node.actor ? ' · ' : null}
        {node.actor ? `${t('trace.by')}: ${node.actor}` : null}
        {' · '}
        <Link
          to="/n/$networkId/verlauf/$kind/$entityId"
          params={{ networkId, kind: node.kind, entityId: node.id }}
          className="kern-link"
          aria-label={t('trace.showOf', { label: node.label })}
        >
          {t('trace.show')}
        </Link>
      </p>
    </li>
  );
}

/** The trace (Verlauf): what led to one thing and what followed, around it, in time order. */
export function TracePage({
  networkId,
  entityId,
  kind,
}: {
  networkId: string;
  entityId: string;
  kind: string;
}) {
  const { t } = useTranslation();
  const valid = (TraceKinds as readonly string[]).includes(kind);
  const trace = useQuery({ ...traceQuery(networkId, kind as TraceKind, entityId), enabled: valid });
  const v = trace.data;
  return (
    <Page
      title={v ? t('trace.titleOf', { label: v.focus.label }) : t('trace.title')}
      intro={t('trace.intro')}
    >
      <ErrorAlert error={trace.error} />
      {!valid ? <Alert kind="warning">{t('trace.unknown')}</Alert> : null}
      {trace.isPending && valid ? <Loading /> : null}
      {v ? (
        <div className="bn-trace">
          <Section title={t('trace.upstream')} id="trace-up">
            {v.upstream.length === 0 ? (
              <p className="kern-body">{t('trace.noneUp')}</p>
            ) : (
              <ol className="bn-trace__list">
                {v.upstream.map((n) => (
                  <Entry key={`${n.kind}:${n.id}`} networkId={networkId} node={n} />
                ))}
              </ol>
            )}
          </Section>
          <section className="bn-section bn-trace__focus" aria-labelledby="trace-focus">
            <h2 className="kern-heading-medium" id="trace-focus">
              {t('trace.focus')}
            </h2>
            <p className="kern-body kern-body--small bn-muted">
              <time dateTime={v.focus.date ?? undefined}>{formatDay(v.focus.date)}</time> ·{' '}
              {v.focus.kindLabel}
            </p>
            <p className="kern-body kern-body--large bn-break">
              <NodeLink networkId={networkId} node={v.focus} />
            </p>
            <p className="kern-body kern-body--small">
              {v.focus.state ? `${t('trace.state')}: ${v.focus.state}` : null}
              {v.focus.state && v.focus.actor ? ' · ' : null}
              {v.focus.actor ? `${t('trace.by')}: ${v.focus.actor}` : null}
            </p>
          </section>
          <Section title={t('trace.downstream')} id="trace-down">
            {v.downstream.length === 0 ? (
              <p className="kern-body">{t('trace.noneDown')}</p>
            ) : (
              <ol className="bn-trace__list">
                {v.downstream.map((n) => (
                  <Entry key={`${n.kind}:${n.id}`} networkId={networkId} node={n} />
                ))}
              </ol>
            )}
          </Section>
          {v.hiddenTasks > 0 ? (
            <p className="kern-body">{t('trace.hiddenTasks', { count: v.hiddenTasks })}</p>
          ) : null}
          {v.truncated ? <Alert kind="info">{t('trace.truncated')}</Alert> : null}
        </div>
      ) : null}
    </Page>
  );
}
