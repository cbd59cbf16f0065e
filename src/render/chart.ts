import { createRequire } from 'node:module';
import type { Answer, FactLine } from '../answer/types.js';
import { altText, type TradePoint, type TradeSeries, tradeSeries, yearLabel } from './chartSeries.js';

/**
 * The trade chart as a PNG: ECharts draws it as an SVG string on the server
 * (`ssr: true`, no DOM, no canvas) and resvg rasterises it (a Rust library in
 * a prebuilt binary package; no browser). Both are loaded at the first chart,
 * so start-up and answers without a chart never pay for them.
 */

/** The chart's size in CSS pixels; the PNG is drawn at SCALE times that for sharp text. */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
export const CHART_SCALE = 2;
export const CHART_FILE = 'trade-chart.png';

export const FONT_FAMILY = 'Inter';
const require = createRequire(import.meta.url);
/**
 * resvg reads TrueType/OpenType (not WOFF), and draws no text without a font:
 * Inter's TTFs come with an npm package, so the chart looks the same on every
 * machine, whatever fonts it has.
 */
const FONT_FILES = ['400Regular/Inter_400Regular.ttf', '600SemiBold/Inter_600SemiBold.ttf'].map((f) =>
  require.resolve(`@expo-google-fonts/inter/${f}`),
);

/** resvg's font options for citebot's pictures: the bundled Inter only, no system fonts. */
export const RESVG_FONT = {
  loadSystemFonts: false,
  fontFiles: FONT_FILES,
  defaultFontFamily: FONT_FAMILY,
  sansSerifFamily: FONT_FAMILY,
};

const COLOURS = { volume: '#3b82f6', disputed: '#ea580c', target: '#16a34a', text: '#1f2937' };

export interface Chart {
  /** The attachment's file name, for `attachment://` in an embed. */
  name: string;
  png: Buffer;
  svg: string;
  width: number;
  height: number;
  /** Alt text: what the chart shows, in words. */
  description: string;
}

type Libraries = {
  init: typeof import('echarts/core').init;
  renderAsync: typeof import('@resvg/resvg-js').renderAsync;
};
let libraries: Promise<Libraries> | undefined;

function load(): Promise<Libraries> {
  libraries ??= (async () => {
    const [core, charts, components, renderers, resvg] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
      import('@resvg/resvg-js'),
    ]);
    core.use([
      charts.LineChart,
      charts.ScatterChart,
      components.GridComponent,
      components.TitleComponent,
      components.LegendComponent,
      components.MarkLineComponent,
      renderers.SVGRenderer,
    ]);
    return { init: core.init, renderAsync: resvg.renderAsync };
  })();
  // A failed load (a missing binary) is tried again at the next chart rather than cached.
  libraries.catch(() => {
    libraries = undefined;
  });
  return libraries;
}

/** `$1.5B`, `$800M`: short axis labels (the points carry the figures as written). */
function axisMoney(value: number): string {
  if (value >= 1e12) return `$${Number((value / 1e12).toFixed(2))}T`;
  if (value >= 1e9) return `$${Number((value / 1e9).toFixed(2))}B`;
  if (value >= 1e6) return `$${Number((value / 1e6).toFixed(1))}M`;
  return `$${value.toLocaleString('en-US')}`;
}

/** A round axis top above every figure and the target, so the target line is always in view. */
function axisMax(values: number[]): number {
  const top = Math.max(...values) * 1.15;
  const step = 10 ** Math.floor(Math.log10(top));
  return Math.ceil(top / step) * step;
}

/** The ECharts option of a series: one point a year on the line, the other figures of a disputed year beside it. */
function option(series: TradeSeries) {
  const years = [...new Set(series.points.map((p) => p.year))];
  const main = years.map((y) => series.points.find((p) => p.year === y) as TradePoint);
  const others = series.points.filter((p) => !main.includes(p));
  const disputed = series.points.some((p) => p.disputed);
  const label = (p: TradePoint | undefined) => (p ? p.label : '');
  const values = [
    ...series.points.map((p) => p.amountUsd),
    ...(series.target ? [series.target.amountUsd] : []),
  ];
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, color: COLOURS.text },
    title: {
      text: `${series.pair} trade by year`,
      subtext: series.points.some((p) => p.inferred) ? '* year inferred from the article’s date' : '',
      left: 'center',
      textStyle: { fontFamily: FONT_FAMILY, fontWeight: 600, fontSize: 18, color: COLOURS.text },
      subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 12 },
    },
    legend: disputed
      ? { bottom: 4, textStyle: { fontFamily: FONT_FAMILY }, data: ['Trade volume', 'Sources disagree'] }
      : { show: false },
    grid: { left: 80, right: 150, top: 70, bottom: disputed ? 60 : 40 },
    xAxis: {
      type: 'category',
      data: main.map(yearLabel),
      axisLabel: { fontFamily: FONT_FAMILY, fontSize: 13 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: axisMax(values),
      axisLabel: { fontFamily: FONT_FAMILY, formatter: axisMoney },
    },
    series: [
      {
        name: 'Trade volume',
        type: 'line',
        color: COLOURS.volume,
        symbolSize: 9,
        lineStyle: { width: 3 },
        data: main.map((p) => ({
          value: p.amountUsd,
          ...(p.disputed
            ? { symbol: 'diamond', symbolSize: 14, itemStyle: { color: COLOURS.disputed } }
            : {}),
        })),
        label: {
          show: true,
          position: 'top',
          fontFamily: FONT_FAMILY,
          fontSize: 13,
          fontWeight: 600,
          formatter: ({ dataIndex }: { dataIndex: number }) => label(main[dataIndex]),
        },
        ...(series.target
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: COLOURS.target, type: 'dashed', width: 2 },
                label: {
                  position: 'end',
                  fontFamily: FONT_FAMILY,
                  color: COLOURS.target,
                  formatter: `Target\n${series.target.label}`,
                },
                data: [{ yAxis: series.target.amountUsd }],
              },
            }
          : {}),
      },
      {
        name: 'Sources disagree',
        type: 'scatter',
        color: COLOURS.disputed,
        symbol: 'diamond',
        symbolSize: 14,
        data: others.map((p) => [yearLabel(main.find((m) => m.year === p.year) ?? p), p.amountUsd]),
        label: {
          show: true,
          position: 'right',
          fontFamily: FONT_FAMILY,
          fontSize: 13,
          color: COLOURS.disputed,
          formatter: ({ dataIndex }: { dataIndex: number }) => label(others[dataIndex]),
        },
      },
    ],
  };
}

/** The SVG of a series' chart (CHART_WIDTH × CHART_HEIGHT). */
export async function tradeChartSvg(series: TradeSeries): Promise<string> {
  const { init } = await load();
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    // biome-ignore lint/suspicious/noExplicitAny: ECharts' option type is a union too wide to check here
    chart.setOption(option(series) as any);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart of a series as a PNG (CHART_SCALE × the SVG's size), drawn off the main thread. */
export async function renderTradeChart(series: TradeSeries): Promise<Chart> {
  const svg = await tradeChartSvg(series);
  const { renderAsync } = await load();
  const image = await renderAsync(svg, {
    font: RESVG_FONT,
    fitTo: { mode: 'zoom', value: CHART_SCALE },
    background: '#ffffff',
    logLevel: 'off',
  });
  return {
    name: CHART_FILE,
    png: image.asPng(),
    svg,
    width: image.width,
    height: image.height,
    description: altText(series),
  };
}

/** The chart of a trade answer as a file to send with it; none when the answer has no yearly volume. */
export async function tradeChartFiles(
  answer: Answer<FactLine>,
): Promise<{ name: string; data: Buffer; description: string }[]> {
  const series = tradeSeries(answer);
  if (!series) return [];
  const chart = await renderTradeChart(series);
  return [{ name: chart.name, data: chart.png, description: chart.description }];
}
