// The rows of a ranked chart (stores, guides) as a table under it, so exact figures can be read; the chart itself
// is passed in. With no rows: the "no data" line instead of both.

export type RankColumn<T> = { label: string; numeric?: boolean; cell: (row: T) => React.ReactNode };

export function RankBlock<T>({ rows, rowKey, columns, chart, testId, empty }: { rows: T[]; rowKey: (row: T) => string; columns: RankColumn<T>[]; chart: React.ReactNode; testId: string; empty: string }) {
  if (!rows.length) return <p className="text-sm text-gray-500">{empty}</p>;
  const align = (c: RankColumn<T>) => (c.numeric ? "px-2 py-1 text-right tabular-nums" : "px-2 py-1 text-left");
  return (
    <>
      {chart}
      <table className="mt-2 w-full text-xs" data-testid={testId}>
        <thead>
          <tr className="text-gray-600">
            {columns.map((c) => (
              <th key={c.label} className={align(c)}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className="border-t border-gray-100">
              {columns.map((c) => (
                <td key={c.label} className={align(c)}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
