import { parseArgs } from 'node:util';
import { bootstrap, engineOptions } from './app.js';
import { createConsoleLogger } from './cli/consoleLog.js';
import { EXIT } from './cli/exitCodes.js';
import { type Config, exitOnConfigProblems, loadConfig } from './config.js';
import { createEngineHost } from './engine.js';
import { createLogger, fileDestination, type Logger } from './logger.js';
import { createReloader, type Reloader } from './reload.js';
import type { CreateTransport, Transport } from './transport.js';

/** After a signal the process exits 0 by this time, whatever still hangs. */
const SHUTDOWN_DEADLINE_MS = 9000;

/**
 * The transports, in order: the first whose settings are there runs. A new
 * one is a folder exporting a CreateTransport, and one line here. Loaded
 * lazily, so the console never loads discord.js.
 */
const TRANSPORTS: readonly {
  use: (config: Config) => boolean;
  load: () => Promise<CreateTransport>;
  /** Makes the logger; default JSON lines on stderr (or in `LOG_FILE`). */
  logger?: (config: Config) => Logger;
}[] = [
  {
    use: (c) => Boolean(c.DISCORD_PUBLIC_KEY) && c.HTTP_PORT !== undefined,
    load: async () => (await import('./http/transport.js')).httpTransport,
  },
  {
    use: (c) => Boolean(c.DISCORD_TOKEN) && c.SHARDS !== undefined,
    load: async () => (await import('./discord/shards.js')).shardedTransport,
  },
  {
    use: (c) => Boolean(c.DISCORD_TOKEN),
    load: async () => (await import('./discord/bot.js')).gatewayTransport,
  },
  {
    use: () => true,
    load: async () => (await import('./cli/console.js')).consoleTransport,
    // Between answers a person reads: the JSON goes to a file, the terminal gets warnings as sentences.
    logger: (config) => createConsoleLogger(config),
  },
];

/**
 * A server stops in order on SIGINT or SIGTERM (the transport stops taking
 * requests and finishes those under way) and exits 0, by the deadline
 * whatever hangs. Returns whether a stop has begun.
 */
function stopOnSignals(transport: Transport, reloader: Reloader, logger: Logger): () => boolean {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.warn('shutdown took too long; exiting anyway');
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    reloader.close();
    transport
      .stop()
      .catch((err: unknown) => logger.error({ err }, 'error while shutting down'))
      .finally(() => {
        logger.info('stopped');
        process.exit(0);
      });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  return () => stopping;
}

async function main(): Promise<void> {
  let values: { json?: boolean; corpus?: string };
  try {
    ({ values } = parseArgs({
      options: { json: { type: 'boolean' }, corpus: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`citebot: ${(err as Error).message}\nusage: npm start -- [--json] [--corpus DIR]\n`);
    process.exit(EXIT.usage);
  }
  const loaded = loadConfig();
  if (!loaded.ok) exitOnConfigProblems(loaded.problems);
  const config = { ...loaded.config, ...(values.corpus ? { CORPUS_DIR: values.corpus } : {}) };
  const chosen = TRANSPORTS.find((t) => t.use(config))!;
  const logger = chosen.logger
    ? chosen.logger(config)
    : createLogger({
        level: config.LOG_LEVEL ?? 'info',
        secrets: [config.DISCORD_TOKEN],
        ...(config.LOG_FILE ? { destination: fileDestination(config.LOG_FILE) } : {}),
      });
  const createTransport = await chosen.load();

  const context = await bootstrap(config, logger);
  if ('error' in context) {
    process.stderr.write(`citebot: ${context.error}. Set CORPUS_DIR in .env or pass --corpus DIR.\n`);
    process.exit(EXIT.usage);
  }
  const reloader = createReloader({
    context,
    host: createEngineHost(context.engine, engineOptions(config)),
    logger,
    watchDir: config.WATCH_CORPUS ? config.CORPUS_DIR : null,
  });
  const transport = createTransport({ config, logger, reloader, json: values.json === true });
  if (transport.endsByItself) {
    try {
      await transport.start();
    } finally {
      reloader.close();
    }
    return;
  }
  const stopping = stopOnSignals(transport, reloader, logger);
  try {
    await transport.start();
  } catch (err) {
    // A signal during the login: the shutdown under way exits.
    if (stopping()) return;
    process.stderr.write(`citebot: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`citebot: ${(err as Error).message}\n`);
  process.exit(1);
});
