import { describe, expect, it } from 'vitest';
import type { Answer, FactLine } from '../../src/answer/types.js';
import {
  CHART_HEIGHT,
  CHART_SCALE,
  CHART_WIDTH,
  renderTradeChart,
  tradeChartFiles,
} from '../../src/render/chart.js';
import { altText, seriesTable, tradeSeries } from '../../src/render/chartSeries.js';
import { toJson } from '../../src/render/json.js';
import { renderTerminal } from '../../src/render/terminal.js';

/** A trade fact as `/trade` gives it (the fields the chart reads). */
function fact(fields: Partial<Record<string, unknown>>, files = ['a.txt']): FactLine {
  const line: FactLine & Record<string, unknown> = {
    kind: 'trade',
    statement: 'a trade figure',
    sources: files.map((file, i) => ({ file, line: i + 1, url: null, date: null })),
    measure: 'volume',
    pair: ['Norland', 'Sudvia'],
    year: null,
    periodLabel: null,
    amountUsd: null,
    qualifier: null,
    modality: 'reported',
    disputed: false,
    ...fields,
  };
  return line;
}

function tradeAnswer(facts: FactLine[]): Answer<FactLine> {
  return {
    command: 'trade',
    query: '',
    found: true,
    answer: 'Norland–Sudvia trade.',
    citations: [],
    facts,
    matched: 0,
    unmatched: [],
    tookMs: 1,
  };
}

// Norland–Sudvia: 2019 from two articles, 2020 disputed ($4.4 vs $4.1 billion), 2021 inferred, a $9 billion target;
// plus figures the chart must leave out (no year, another currency, another pair, a forecast).
const answer = tradeAnswer([
  fact({ year: 2021, periodLabel: '2021 (inferred)', amountUsd: 5.25e9 }),
  fact({ year: 2019, periodLabel: '2019', amountUsd: 3.8e9 }, ['a.txt', 'b.txt']),
  fact({ year: 2020, periodLabel: '2020', amountUsd: 4.4e9, disputed: true }),
  fact({ year: 2020, periodLabel: '2020', amountUsd: 4.1e9, qualifier: 'over', disputed: true }),
  fact({ year: null, periodLabel: 'recent years', amountUsd: 3e9 }),
  fact({ year: 2018, periodLabel: '2018', amountUsd: null, amountText: '€2 billion' }),
  fact({ year: 2018, pair: ['Norland', 'Westmark'], amountUsd: 1e9 }),
  fact({ year: 2026, modality: 'expected', amountUsd: 7e9 }),
  fact({ measure: 'target', modality: 'target', amountUsd: 9e9 }),
]);

/** The width and height in a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('tradeSeries', () => {
  it('returns the dated dollar volumes of the leading pair, oldest first, with the target', () => {
    const series = tradeSeries(answer);
    expect(series?.pair).toBe('Norland–Sudvia');
    expect(series?.points.map((p) => [p.year, p.label, p.disputed, p.inferred])).toEqual([
      [2019, '$3.8 billion', false, false],
      [2020, '$4.4 billion', true, false],
      [2020, 'over $4.1 billion', true, false],
      [2021, '$5.25 billion', false, true],
    ]);
    expect(series?.points[0]?.sources).toBe(2);
    expect(series?.target).toEqual({ amountUsd: 9e9, label: '$9 billion' });
  });

  it('returns null for an answer with no dated volume, or of another command', () => {
    expect(tradeSeries(tradeAnswer([fact({ year: null, amountUsd: 1e9 })]))).toBeNull();
    expect(tradeSeries({ ...answer, command: 'ask' })).toBeNull();
    expect(tradeSeries({ ...answer, found: false })).toBeNull();
  });
});

describe('seriesTable', () => {
  it('returns a row a year with its figure, the disagreements and the target', () => {
    const table = seriesTable(tradeSeries(answer)!);
    expect(table).toMatch(/^2019 +\$3\.8 billion +2 sources$/m);
    expect(table).toMatch(/^2020 +over \$4\.1 billion +sources disagree$/m);
    expect(table).toMatch(/^2021\* +\$5\.25 billion$/m);
    expect(table).toMatch(/^target +\$9 billion$/m);
    expect(renderTerminal(answer)).toContain(table.trimEnd());
  });
});

describe('toJson', () => {
  it('returns the series of a /trade answer', () => {
    expect(toJson(answer).series).toEqual(tradeSeries(answer));
  });
});

describe('renderTradeChart', () => {
  it('returns a PNG of the expected size whose SVG labels each year and figure, the target and the disagreement', async () => {
    const series = tradeSeries(answer)!;
    const chart = await renderTradeChart(series);
    expect(pngSize(chart.png)).toEqual({
      width: CHART_WIDTH * CHART_SCALE,
      height: CHART_HEIGHT * CHART_SCALE,
    });
    expect([chart.width, chart.height]).toEqual([CHART_WIDTH * CHART_SCALE, CHART_HEIGHT * CHART_SCALE]);
    const texts = [...chart.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const label of [
      '2019',
      '2020',
      '2021*',
      '$3.8 billion',
      '$4.4 billion',
      'over $4.1 billion',
      '$5.25 billion',
    ]) {
      expect(texts).toContain(label);
    }
    expect(texts).toContain('$9 billion');
    expect(texts).toContain('Sources disagree');
    expect(texts).toContain('Norland–Sudvia trade by year');
    expect(chart.description).toBe(altText(series));
    expect(chart.description).toContain('2020: over $4.1 billion (sources disagree)');
  });

  it('draws text with its own font whatever fonts the machine has: a chart with labels has dark pixels beyond the lines', async () => {
    // Same series with and without figures as labels: if no font were found, both PNGs would be the same.
    const series = tradeSeries(answer)!;
    const plain = await renderTradeChart({
      ...series,
      points: series.points.map((p) => ({ ...p, label: '' })),
    });
    const labelled = await renderTradeChart(series);
    expect(labelled.png.equals(plain.png)).toBe(false);
  });
});

describe('tradeChartFiles', () => {
  it('returns one PNG file with alt text for a trade answer, and none without a dated volume', async () => {
    const [file, ...rest] = await tradeChartFiles(answer);
    expect(rest).toEqual([]);
    expect(file?.name).toBe('trade-chart.png');
    expect(file?.description.length).toBeLessThanOrEqual(1024);
    expect(
      await tradeChartFiles(tradeAnswer([fact({ measure: 'target', modality: 'target', amountUsd: 1e9 })])),
    ).toEqual([]);
  });
});
