import { Document, Rect, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import { formatCell, formatFigure, formatNumber } from '../../lib/indicator-format';
import { INDICATOR_SECTIONS } from '../../lib/indicator-sections';
import { formatDate } from '../../lib/labels';
import { A4Page, BODY_SIZE, colors, documentMetadata, renderPdfBytes } from '../pdf/page-frame';
import { frenchSpacing } from '../pdf/typography';
import { reportScope } from './export';
import type { IndicatorReport } from './report';
import type { Breakdown, Indicator } from './types';

/** The yearly report (« bilan annuel ») of the plan's indicators: the dashboard's figures, charts and definitions on A4. */

const BAR_COLOURS = ['#1d4f91', '#a63c00', '#18753c'];
/** Width of the bar area, in points (the A4 text column is about 482 pt wide). */
const BAR_WIDTH = 230;
const BAR_HEIGHT = 9;
/** Rows of one chart kept together; a longer breakdown is drawn as several charts. */
const CHART_ROWS = 18;

const styles = StyleSheet.create({
  cover: { marginTop: 180 },
  coverTitle: { fontSize: 26, fontWeight: 'bold', lineHeight: 1.3, marginBottom: 10 },
  coverSubtitle: { fontSize: 14, lineHeight: 1.4, marginBottom: 30 },
  fact: { flexDirection: 'row', marginBottom: 4 },
  factLabel: { fontSize: BODY_SIZE, width: 110, fontWeight: 'bold', lineHeight: 1.4 },
  factValue: { fontSize: BODY_SIZE, flex: 1, lineHeight: 1.4 },
  coverNote: { fontSize: 9, color: colors.muted, lineHeight: 1.45, marginTop: 30 },
  section: { fontSize: 15, fontWeight: 'bold', lineHeight: 1.3, marginBottom: 10 },
  indicator: { marginBottom: 14 },
  heading: { fontSize: 12, fontWeight: 'bold', lineHeight: 1.35, marginBottom: 4 },
  definition: { fontSize: 9, color: colors.muted, lineHeight: 1.45, marginBottom: 5 },
  figure: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 2 },
  figureLabel: { fontSize: BODY_SIZE, flex: 1, lineHeight: 1.4 },
  figureValue: { fontSize: BODY_SIZE, width: 150, textAlign: 'right', fontWeight: 'bold', lineHeight: 1.4 },
  caption: { fontSize: 9.5, fontWeight: 'bold', lineHeight: 1.35, marginTop: 8, marginBottom: 4 },
  legend: { flexDirection: 'row', marginBottom: 4 },
  legendItem: { flexDirection: 'row', alignItems: 'center', marginRight: 12 },
  legendText: { fontSize: 8, lineHeight: 1.3, marginLeft: 3 },
  barRow: { flexDirection: 'row', alignItems: 'center', marginBottom: 2 },
  barLabel: { fontSize: 8, width: 150, paddingRight: 6, lineHeight: 1.3 },
  barValue: { fontSize: 8, paddingLeft: 4, lineHeight: 1.3 },
  headRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: colors.text, paddingBottom: 2 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 2 },
  headCell: { fontSize: 7.5, fontWeight: 'bold', lineHeight: 1.3, paddingRight: 4 },
  cell: { fontSize: 7.5, lineHeight: 1.35, paddingRight: 4 },
  empty: { fontSize: 8.5, color: colors.muted, lineHeight: 1.4 },
});

const numeric = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** Horizontal bars from the breakdown's chart series (stacked or side by side), with each value written beside its bar. */
function BarChart({ breakdown, series, stacked }: { breakdown: Breakdown; series: number[]; stacked: boolean }) {
  const totals = breakdown.rows.map((row) => (stacked ? series.reduce((sum, index) => sum + numeric(row[index]), 0) : Math.max(...series.map((index) => numeric(row[index])))));
  const max = Math.max(1, ...totals);
  const scale = (value: number) => (value <= 0 ? 0 : Math.max(1, (value / max) * BAR_WIDTH));
  const chunks = Array.from({ length: Math.ceil(breakdown.rows.length / CHART_ROWS) }, (_, index) => breakdown.rows.slice(index * CHART_ROWS, (index + 1) * CHART_ROWS));
  return (
    <View>
      <Text style={styles.caption} minPresenceAhead={60}>
        {frenchSpacing(`${breakdown.title} (graphique)`)}
      </Text>
      {series.length > 1 ? (
        <View style={styles.legend}>
          {series.map((index, s) => (
            <View key={index} style={styles.legendItem}>
              <Svg width={8} height={8}>
                <Rect x={0} y={0} width={8} height={8} fill={BAR_COLOURS[s % BAR_COLOURS.length]} />
              </Svg>
              <Text style={styles.legendText}>{breakdown.columns[index]?.label ?? ''}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {chunks.map((rows, c) => (
        <View key={c} wrap={false}>
          {rows.map((row, r) => {
            const values = series.map((index) => numeric(row[index]));
            const lanes = stacked ? 1 : values.length;
            let offset = 0;
            return (
              <View key={r} style={styles.barRow}>
                <Text style={styles.barLabel}>{frenchSpacing(String(row[0] ?? ''))}</Text>
                <Svg width={BAR_WIDTH} height={lanes * BAR_HEIGHT}>
                  {values.map((value, s) => {
                    const width = scale(value);
                    const x = stacked ? offset : 0;
                    offset += width;
                    return <Rect key={s} x={x} y={stacked ? 0 : s * BAR_HEIGHT} width={width} height={BAR_HEIGHT - 1} fill={BAR_COLOURS[s % BAR_COLOURS.length]} />;
                  })}
                </Svg>
                <Text style={styles.barValue}>{values.map((value) => formatNumber(value)).join(stacked ? ' + ' : ' / ')}</Text>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

/** Column widths after the longest text of each column. */
function columnWidths(breakdown: Breakdown): string[] {
  const weights = breakdown.columns.map((column, c) => Math.min(50, Math.max(6, column.label.length, ...breakdown.rows.map((row) => formatCell(row[c] ?? null).length))));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => `${(100 * weight) / total}%`);
}

function BreakdownTable({ breakdown }: { breakdown: Breakdown }) {
  const widths = columnWidths(breakdown);
  return (
    <View>
      <Text style={styles.caption} minPresenceAhead={40}>
        {frenchSpacing(breakdown.title)}
      </Text>
      <View style={styles.headRow}>
        {breakdown.columns.map((column, c) => (
          <Text key={column.label} style={[styles.headCell, { width: widths[c] }]}>
            {column.unit && column.unit !== 'nombre' ? `${column.label} (${column.unit})` : column.label}
          </Text>
        ))}
      </View>
      {breakdown.rows.map((row, r) => (
        <View key={r} style={styles.row} wrap={false}>
          {row.map((cell, c) => (
            <Text key={c} style={[styles.cell, { width: widths[c] }]}>
              {frenchSpacing(formatCell(cell))}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function BreakdownView({ breakdown }: { breakdown: Breakdown }) {
  if (breakdown.rows.length === 0) return <Text style={styles.empty}>{frenchSpacing(`${breakdown.title} : aucune donnée pour ces critères.`)}</Text>;
  const chart = breakdown.chart;
  const hasData = chart !== undefined && breakdown.rows.some((row) => chart.series.some((index) => numeric(row[index]) !== 0));
  return chart && hasData ? <BarChart breakdown={breakdown} series={chart.series} stacked={chart.stacked} /> : <BreakdownTable breakdown={breakdown} />;
}

function IndicatorBlock({ indicator }: { indicator: Indicator }) {
  return (
    <View style={styles.indicator}>
      <Text style={styles.heading} minPresenceAhead={80}>
        {frenchSpacing(indicator.label)}
      </Text>
      <Text style={styles.definition}>{frenchSpacing(`Définition : ${indicator.definition}`)}</Text>
      {indicator.figures.map((figure) => (
        <View key={figure.key} style={styles.figure} wrap={false}>
          <Text style={styles.figureLabel}>{frenchSpacing(figure.label)}</Text>
          <Text style={styles.figureValue}>{formatFigure(figure.value, figure.unit)}</Text>
        </View>
      ))}
      {indicator.breakdowns.map((breakdown) => (
        <BreakdownView key={breakdown.id} breakdown={breakdown} />
      ))}
    </View>
  );
}

export const annualReportTitle = (report: IndicatorReport) => `Bilan annuel ${report.filters.year} du plan ESS du Gard`;

function AnnualReport({ report, generatedAt }: { report: IndicatorReport; generatedAt: Date }) {
  const title = annualReportTitle(report);
  const territory = report.territory?.name ?? 'Tout le Gard';
  const footer = ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => `${title} — ${territory} — page ${pageNumber} / ${totalPages}`;
  const sections = INDICATOR_SECTIONS.filter((section) => report.indicators.some((indicator) => indicator.action === section.action));
  return (
    <Document {...documentMetadata} title={`${title} — ${territory}`} subject="Indicateurs du plan départemental de l’économie sociale et solidaire 2024-2028 (action 4.4)" creationDate={generatedAt}>
      <A4Page footer={footer}>
        <View style={styles.cover}>
          <Text style={styles.coverTitle}>{frenchSpacing(title)}</Text>
          <Text style={styles.coverSubtitle}>{frenchSpacing(territory)}</Text>
          {[...reportScope(report), ['Établi le', formatDate(generatedAt)] as [string, string]].map(([label, value]) => (
            <View key={label} style={styles.fact}>
              <Text style={styles.factLabel}>{label}</Text>
              <Text style={styles.factValue}>{frenchSpacing(value)}</Text>
            </View>
          ))}
          <Text style={styles.coverNote}>
            {frenchSpacing(
              'Indicateurs du plan départemental de l’économie sociale et solidaire 2024-2028 (action 4.4), calculés à partir des données de Passerelles : aucun chiffre n’est saisi à la main. Chaque indicateur est suivi de sa définition. Document interne de la Mission ESS : il peut citer des structures et des collèges.',
            )}
          </Text>
        </View>
      </A4Page>
      {sections.map((section) => (
        <A4Page key={section.id} footer={footer}>
          <Text style={styles.section}>{frenchSpacing(section.title)}</Text>
          {report.indicators
            .filter((indicator) => indicator.action === section.action)
            .map((indicator) => (
              <IndicatorBlock key={indicator.id} indicator={indicator} />
            ))}
        </A4Page>
      ))}
    </Document>
  );
}

/** The yearly report as PDF bytes, with its file name (year, territory, kind). */
export async function annualReportPdf(report: IndicatorReport, generatedAt: Date): Promise<{ body: Uint8Array; fileName: string }> {
  const { year, territory, kind } = report.filters;
  const fileName = ['bilan-annuel', String(year), territory ? `${territory.level}-${territory.code}` : null, kind?.toLowerCase()].filter(Boolean).join('-');
  return { body: await renderPdfBytes(<AnnualReport report={report} generatedAt={generatedAt} />), fileName: `${fileName}.pdf` };
}
