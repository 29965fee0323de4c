// The statistics' charts (@fluentui/react-charts, v9). Each is hidden from screen readers: the table
// beside it says the same in text.
import { DonutChart, HorizontalBarChart, VerticalStackedBarChart } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import type { NamedCount, StatsView } from '../stats-view.js';
import { seriesColor } from './chart-colors.js';

const WIDTH = 560;

// The charts size themselves from their container; in a wrapping row it needs a width of its own.
const useStyles = makeStyles({
  wide: { width: `${WIDTH}px`, maxWidth: '100%', flexShrink: 0 },
  donut: { width: '360px', maxWidth: '100%', flexShrink: 0 },
});

export function DaysChart({ view, title }: { readonly view: StatsView; readonly title: string }) {
  const styles = useStyles();
  const data = view.days.map((day) => ({
    xAxisPoint: day.day,
    chartData: view.decisions.map((decision, index) => ({
      legend: decision.name,
      data: day.counts[index] ?? 0,
      color: seriesColor(index),
    })),
  }));
  return (
    <div aria-hidden="true" className={styles.wide}>
      <VerticalStackedBarChart
        data={data}
        chartTitle={title}
        width={WIDTH}
        height={300}
        barWidth={32}
        legendProps={{ enabledWrapLines: true }}
      />
    </div>
  );
}

export function RankChart({ rows, colorIndex }: { readonly rows: readonly NamedCount[]; readonly colorIndex: number }) {
  const styles = useStyles();
  const most = Math.max(1, ...rows.map((row) => row.count));
  // One bar per row, all on the same scale (the largest count fills its bar).
  const data = rows.map((row) => ({
    chartTitle: row.name,
    chartData: [{ legend: row.name, horizontalBarChartdata: { x: row.count, total: most }, color: seriesColor(colorIndex) }],
  }));
  return (
    <div aria-hidden="true" className={styles.wide}>
      <HorizontalBarChart data={data} width={WIDTH} chartDataMode="default" hideRatio={data.map(() => true)} />
    </div>
  );
}

export function ShareChart({ rows }: { readonly rows: readonly NamedCount[] }) {
  const styles = useStyles();
  const chartData = rows.map((row, index) => ({ legend: row.name, data: row.count, color: seriesColor(index) }));
  // No chart title: the section's heading names it, and the donut would draw its title over that heading.
  return (
    <div aria-hidden="true" className={styles.donut}>
      <DonutChart
        data={{ chartData }}
        innerRadius={55}
        width={360}
        height={240}
        valueInsideDonut={rows.reduce((sum, row) => sum + row.count, 0)}
        legendProps={{ enabledWrapLines: true }}
      />
    </div>
  );
}
