import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import { formatNumber } from '~/lib/indicator-format';

const WIDTH = 640;
const COLOURS = ['#1d4f91', '#a63c00', '#18753c'];
/** Beyond this many bars, the chart's text alternative points to the table instead of reading every value. */
const SPOKEN_CATEGORIES = 6;

export interface ChartSeries {
  label: string;
  values: number[];
}

/**
 * Horizontal bars drawn as SVG on the server (fixed size, no JavaScript needed), scaled down on narrow screens.
 * The SVG is an image named with its data; the table that follows it carries the same figures.
 */
export function BarChartFigure({ id, title, categories, series, stacked }: { id: string; title: string; categories: string[]; series: ChartSeries[]; stacked: boolean }) {
  const data = categories.map((name, index) => ({ name, ...Object.fromEntries(series.map((item, s) => [`s${s}`, item.values[index] ?? 0])) }));
  const barSize = stacked || series.length === 1 ? 22 : 14;
  const rowHeight = (stacked ? 1 : series.length) * barSize + 14;
  const height = 40 + (series.length > 1 ? 30 : 0) + categories.length * rowHeight;
  const spoken =
    categories.length <= SPOKEN_CATEGORIES
      ? categories.map((name, index) => `${name} : ${series.map((item) => `${series.length > 1 ? `${item.label} ` : ''}${formatNumber(item.values[index] ?? 0)}`).join(', ')}`).join(' ; ')
      : `${categories.length} lignes, détaillées dans le tableau qui suit`;
  return (
    <figure className="chart">
      <BarChart
        id={id}
        width={WIDTH}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        role="img"
        aria-label={`Graphique « ${title} » : ${spoken}.`}
        title={title}
        style={{ width: '100%', maxWidth: WIDTH, height: 'auto', aspectRatio: `${WIDTH} / ${height}` }}
      >
        <CartesianGrid horizontal={false} stroke="#c8c8c8" />
        <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => formatNumber(value)} stroke="#555" />
        <YAxis type="category" dataKey="name" width={190} stroke="#555" interval={0} />
        {series.length > 1 ? <Legend verticalAlign="top" height={30} /> : null}
        {series.map((item, index) => (
          <Bar
            key={item.label}
            dataKey={`s${index}`}
            name={item.label}
            fill={COLOURS[index % COLOURS.length]}
            stackId={stacked ? 'stack' : undefined}
            barSize={barSize}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
      <figcaption className="meta">{`${title} (graphique ; les valeurs sont dans le tableau ci-dessous)`}</figcaption>
    </figure>
  );
}
