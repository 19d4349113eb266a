"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Horizontal bars, one row per store or guide (already ranked by the server).

export type RankSeries = { key: string; label: string; color: string };

export function RankChart({ data, labelKey, series }: { data: Record<string, string | number | null>[]; labelKey: string; series: RankSeries[] }) {
  const height = Math.max(160, data.length * (18 * series.length + 14) + 60);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey={labelKey} width={120} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
