import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead, TableRegion } from '../../../components/ui';
import type { ListPerson } from '../api';

/** "Function, institution; …" for one person, or a dash. */
export const functionsOf = (p: ListPerson) =>
  p.affiliations.map((a) => [a.function, a.institution].filter(Boolean).join(', ')).join('; ') || '–';

/**
 * People of a list: name, one column of the caller's choice (e-mail, reason left out), their functions;
 * optionally a last column with a button per row.
 */
export function ListPeopleTable<P extends ListPerson>({
  labelledBy,
  people,
  secondLabel,
  second,
  secondBreaks = true,
  action,
}: {
  labelledBy: string;
  people: readonly P[];
  secondLabel: string;
  second: (p: P) => ReactNode;
  /** Whether the second column may break long words (addresses); false for badges. */
  secondBreaks?: boolean;
  action?: { label: string; cell: (p: P) => ReactNode } | null;
}) {
  const { t } = useTranslation();
  return (
    <TableRegion labelledBy={labelledBy}>
      <table className="kern-table bn-table">
        <TableHead
          columns={[t('contactsLists.person'), secondLabel, t('contactsLists.functionsAt')]}
          actions={action?.label ?? null}
        />
        <tbody className="kern-table__body">
          {people.map((p) => (
            <tr className="kern-table__row" key={p.personId}>
              <td className="kern-table__cell bn-break">{p.name}</td>
              <td className={secondBreaks ? 'kern-table__cell bn-break' : 'kern-table__cell'}>{second(p)}</td>
              <td className="kern-table__cell bn-break">{functionsOf(p)}</td>
              {action ? (
                <td className="kern-table__cell kern-table__cell--action">{action.cell(p)}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
