"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// A chart over the days of the period: bars (stacked when they share a stack) and lines. The data arrives
// aggregated from the server; this island only draws it.

export type DaySeries = { key: string; label: string; color: string; kind: "bar" | "line"; stack?: string; rightAxis?: boolean };

export function DayChart({ data, series, height = 260 }: { data: Record<string, string | number>[]; series: DaySeries[]; height?: number }) {
  const right = series.some((s) => s.rightAxis);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 11 }} minTickGap={12} />
        <YAxis yAxisId="left" allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
        {right ? <YAxis yAxisId="right" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} width={52} /> : null}
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) =>
          s.kind === "bar" ? (
            <Bar key={s.key} yAxisId={s.rightAxis ? "right" : "left"} dataKey={s.key} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} />
          ) : (
            <Line key={s.key} yAxisId={s.rightAxis ? "right" : "left"} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
