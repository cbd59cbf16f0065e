import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bootstrap } from '../app.js';
import { runCommand } from '../commands/run.js';
import { exitOnConfigProblems, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { toJson } from '../render/json.js';
import { renderTerminal } from '../render/terminal.js';
import { wantsColour } from './colour.js';
import { EXIT } from './exitCodes.js';
import { parseInput } from './parse.js';

const USAGE = `usage: npm run ask -- [--json] [--chart FILE] [--corpus DIR] "<question or /command option:value …>"
   or: npx citebot ask [--json] [--chart FILE] [--corpus DIR] "…"
  --chart FILE  write the answer's chart (/trade: volume by year) to FILE as a PNG
examples:
  npm run ask -- "What is the trade target?"
  npm run -s ask -- --json "/search query:Treaty on Allied Relations"   (-s: npm prints nothing of its own)
  npm run ask -- "/source file:000_5c82c171a96e32aa.txt line:23"
  npm run ask -- --chart trade.png "/trade countries:Kazakhstan, Tajikistan"`;

function usageError(message: string): never {
  process.stderr.write(`citebot ask: ${message}\n${USAGE}\n`);
  process.exit(EXIT.usage);
}

async function main(): Promise<void> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        json: { type: 'boolean' };
        chart: { type: 'string' };
        corpus: { type: 'string' };
        help: { type: 'boolean'; short: 'h' };
      };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      options: {
        json: { type: 'boolean' },
        chart: { type: 'string' },
        corpus: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (err) {
    usageError((err as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const input = parsed.positionals.join(' ').trim();
  if (input === '') usageError('give a question or a command');

  const loaded = loadConfig();
  if (!loaded.ok) exitOnConfigProblems(loaded.problems);
  const config = { ...loaded.config, ...(parsed.values.corpus ? { CORPUS_DIR: parsed.values.corpus } : {}) };
  const logger = createLogger({ level: config.LOG_LEVEL ?? 'warn' });

  const context = await bootstrap(config, logger);
  if ('error' in context) {
    // Not a mistyped command line: the usage would not help, where to point the corpus does.
    process.stderr.write(`citebot ask: ${context.error}. Set CORPUS_DIR in .env or pass --corpus DIR.\n`);
    process.exit(EXIT.usage);
  }
  const request = parseInput(input, context.commands);
  if ('error' in request) usageError(request.error);
  const chartFile = parsed.values.chart;
  const result = await runCommand(context, request.command, request.raw, { files: chartFile !== undefined });
  if ('error' in result) usageError(result.error);
  if (chartFile !== undefined) {
    const chart = result.files?.[0];
    if (result.filesError) process.stderr.write(`citebot ask: no chart: ${result.filesError}\n`);
    else if (!chart)
      process.stderr.write('citebot ask: this answer has no chart (only /trade with yearly volumes)\n');
    else writeFileSync(chartFile, chart.data);
  }

  if (parsed.values.json) process.stdout.write(`${JSON.stringify(toJson(result.answer), null, 2)}\n`);
  else process.stdout.write(renderTerminal(result.answer, { colour: wantsColour(process.stdout) }));
}

main().catch((err: unknown) => {
  process.stderr.write(`citebot ask: ${(err as Error).message}\n`);
  process.exit(EXIT.failed);
});
