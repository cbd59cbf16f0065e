import { parseArgs } from 'node:util';
import { bootstrap, rebuildEngine } from './app.js';
import { runConsole } from './cli/console.js';
import { exitOnConfigProblems, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createReloader } from './reload.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean' }, corpus: { type: 'string' } },
    strict: true,
  });
  const loaded = loadConfig();
  if (!loaded.ok) exitOnConfigProblems(loaded.problems);
  const config = { ...loaded.config, ...(values.corpus ? { CORPUS_DIR: values.corpus } : {}) };
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });

  if (config.DISCORD_TOKEN) {
    const { startBot } = await import('./discord/bot.js');
    await startBot(config, logger);
    return;
  }

  const context = await bootstrap(config, logger);
  if ('error' in context) {
    process.stderr.write(`citebot: ${context.error}. Set CORPUS_DIR in .env or pass --corpus DIR.\n`);
    process.exit(2);
  }
  const reloader = createReloader({
    context,
    build: (current) => rebuildEngine(config, current),
    logger,
    watchDir: config.WATCH_CORPUS ? config.CORPUS_DIR : null,
  });
  process.stdout.write(
    'No DISCORD_TOKEN set, so this is the offline console (questions or /commands, one per line; Ctrl-D to quit). ' +
      'To connect to Discord, put DISCORD_TOKEN in .env (see .env.example) and run npm start again.\n',
  );
  if (context.engine.stats.files === 0) {
    process.stdout.write(
      `The corpus is empty: ${config.CORPUS_DIR} holds no readable .txt or .md article. ` +
        'Add some, then type /reload (or just wait: the folder is watched).\n',
    );
  }
  try {
    await runConsole(reloader.current, {
      input: process.stdin,
      output: process.stdout,
      json: values.json === true,
      logger,
    });
  } finally {
    reloader.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`citebot: ${(err as Error).message}\n`);
  process.exit(1);
});
