import { exitOnConfigProblems, loadConfig } from '../src/config.js';
import { openFeedback } from '../src/feedback/store.js';
import { summaryLines } from '../src/feedback/summary.js';
import { createLogger } from '../src/logger.js';

/** `npm run feedback`: what users said of the answers, read from FEEDBACK_DB (read-only). */
async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) exitOnConfigProblems(loaded.problems);
  const path = process.argv[2] ?? loaded.config.FEEDBACK_DB;
  const logger = createLogger({ level: 'warn' });
  const store = await openFeedback(path, logger, { readonly: true });
  if (!store.ok) {
    process.stderr.write(
      `citebot feedback: no feedback database at ${path} (the bot makes it at its first answer)\n`,
    );
    process.exit(1);
  }
  const summary = store.summary(10);
  store.close();
  if (!summary) process.exit(1);
  process.stdout.write(`${path}\n${summaryLines(summary).join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`citebot feedback: ${(err as Error).message}\n`);
  process.exit(1);
});
