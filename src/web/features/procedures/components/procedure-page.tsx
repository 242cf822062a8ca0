import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert, Loading, Page, Section, TableHead, TableRegion } from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { fieldsQuery, procedureQuery } from '../api';
import { ProcedureStatus } from './labels';
import { RecordVotes } from './record-votes';

/** One written procedure: the proposal, the deadline, and every entitled member's answer. */
export function ProcedurePage({ networkId, procedureId }: { networkId: string; procedureId: string }) {
  const { t } = useTranslation();
  const q = useQuery(procedureQuery(networkId, procedureId));
  const fields = useQuery(fieldsQuery(networkId));
  const can = useCan();
  const p = q.data;
  if (!p) {
    return (
      <Page title={t('procedures.detailTitle')}>
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : null}
      </Page>
    );
  }
  const fieldName = p.fieldId ? (fields.data?.find((f) => f.id === p.fieldId)?.name ?? '–') : null;
  const answered = p.votes.filter((v) => v.stance !== null).length;
  const missing = p.votes.length - answered;
  const unasked = p.votes.filter((v) => v.noEmail && v.stance === null);

  return (
    <Page title={t('procedures.detailHeading', { title: p.title })}>
      <p className="kern-body">
        <Link to="/n/$networkId/lenkungskreis/umlaufverfahren" params={{ networkId }} className="kern-link">
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" /> {t('procedures.back')}
        </Link>
      </p>
      {p.status !== 'open' && p.outcomeMessage ? (
        <Alert
          kind={p.status === 'taken' ? 'success' : 'warning'}
          title={t(`procedures.statuses.${p.status}`)}
        >
          <p className="kern-body">
            {p.decisionNumber ? `${t('procedures.decisionNumber', { number: p.decisionNumber })} ` : null}
            {p.outcomeMessage}
          </p>
        </Alert>
      ) : null}
      <dl className="bn-dl">
        <dt>{t('procedures.status')}</dt>
        <dd>
          <ProcedureStatus status={p.status} />
        </dd>
        <dt>{t('procedures.deadline')}</dt>
        <dd>{t('procedures.deadlineValue', { date: formatDateTime(p.deadline) })}</dd>
        <dt>{t('procedures.type')}</dt>
        <dd>{t(`decisions.types.${p.decisionType}`)}</dd>
        {fieldName ? (
          <>
            <dt>{t('procedures.field')}</dt>
            <dd>{fieldName}</dd>
          </>
        ) : null}
        {p.decisionNumber ? (
          <>
            <dt>{t('procedures.decision')}</dt>
            <dd>{p.decisionNumber}</dd>
          </>
        ) : null}
      </dl>
      <Section id="proposal" title={t('procedures.proposal')}>
        <p className="kern-body bn-pre-line bn-prose">{p.proposal}</p>
      </Section>
      <Section id="answers" title={t('procedures.answersTitle')}>
        <p className="kern-body">
          {t('procedures.answeredLong', { answered, count: p.votes.length })}{' '}
          {missing > 0 ? t('procedures.missing', { count: missing }) : null}
        </p>
        <Alert kind="info">{t('procedures.silence')}</Alert>
        {p.status === 'open' ? (
          <p className="kern-body">
            {t('massActions.procedure.done', { count: p.votes.filter((v) => !v.noEmail).length })}
          </p>
        ) : null}
        {p.status === 'open' && unasked.length > 0 ? (
          <Alert kind="warning" title={t('massActions.unreachableTitle', { count: unasked.length })}>
            <p className="kern-body">
              {unasked.map((v) => v.name).join(', ')}: {t('massActions.procedure.warning')}
            </p>
          </Alert>
        ) : null}
        <TableRegion label={t('procedures.answersTitle')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('procedures.answersTitle')}</caption>
            <TableHead
              columns={[
                t('procedures.member'),
                t('procedures.side'),
                t('procedures.answer'),
                t('procedures.reason'),
                t('procedures.answeredAt'),
                t('personalLinks.channel'),
              ]}
            />
            <tbody className="kern-table__body">
              {p.votes.map((v) => (
                <tr key={v.memberId} className="kern-table__row">
                  <th scope="row" className="kern-table__cell bn-row-head">
                    {v.name}
                  </th>
                  <td className="kern-table__cell">{t(`committee.sides.${v.side}`, v.side)}</td>
                  <td className="kern-table__cell">
                    {v.stance ? (
                      t(`procedures.stances.${v.stance}`)
                    ) : (
                      <span className="bn-muted">{t('procedures.noAnswer')}</span>
                    )}
                  </td>
                  <td className="kern-table__cell bn-break">{v.reason || '–'}</td>
                  <td className="kern-table__cell bn-nowrap">{formatDateTime(v.answeredAt)}</td>
                  <td className="kern-table__cell">
                    {v.channel === null
                      ? '–'
                      : v.recordedBy
                        ? t('personalLinks.recordedBy', {
                            channel: t(`personalLinks.channels.${v.channel}`),
                            name: v.recordedBy,
                          })
                        : t(`personalLinks.channels.${v.channel}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </Section>
      {p.status === 'open' && can('steering.manage') ? (
        <RecordVotes networkId={networkId} procedure={p} />
      ) : null}
    </Page>
  );
}
