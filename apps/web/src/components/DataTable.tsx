import { useId, type ReactNode } from 'react';
import { Button } from './Form';
import styles from './Workspace.module.css';

export interface Column<Row> {
  /** a stable key for the column */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** numbers: right-aligned, tabular figures */
  numeric?: boolean;
  /** the row's header cell (<th scope="row">): its name for screen readers */
  rowHeader?: boolean;
}

/**
 * A table of API rows: caption (read by screen readers, hidden unless `showCaption`), header
 * cells, a wrapper a keyboard user can scroll sideways, and "show more" when the API's page has
 * a next cursor (tables never load a whole list). Empty: the `empty` text instead.
 */
export function DataTable<Row>({
  caption,
  showCaption,
  columns,
  rows,
  rowKey,
  empty,
  hasMore,
  loadingMore,
  onMore,
  moreLabel,
}: {
  caption: string;
  showCaption?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  hasMore?: boolean;
  loadingMore?: boolean;
  onMore?: () => void;
  moreLabel?: string;
}) {
  const id = useId();
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <>
      <div className={styles.tableWrap} role="region" aria-labelledby={id} tabIndex={0}>
        <table className={styles.table}>
          <caption id={id} className={showCaption ? undefined : styles.visuallyHidden}>
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? styles.num : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={c.numeric ? styles.num : undefined}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={c.numeric ? styles.num : undefined}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasMore && onMore ? (
        <div className={styles.more}>
          <Button onPress={onMore} isDisabled={loadingMore}>
            {moreLabel}
          </Button>
        </div>
      ) : null}
    </>
  );
}
