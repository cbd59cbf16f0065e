import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { NO_MENTIONS } from '../render/discord.js';
import { openServing } from '../serving.js';
import { MemoryStore } from '../store/memory.js';
import type { Transport, TransportSetup } from '../transport.js';
import { toDiscordCommands } from './commands.js';
import { Cooldown } from './cooldown.js';
import { firstDelivery } from './dedupe.js';
import { InFlight, SHUTDOWN_GRACE_MS } from './inFlight.js';
import { createInteractionHandler, type TransportHandlerOptions } from './interactions.js';
import { turnAway } from './reply.js';
import { RestWatch } from './restWatch.js';
import { screenInteractions } from './screen.js';
import { ShownAnswers } from './shown.js';

/**
 * The global limit @discordjs/rest applies to every request (50/s by
 * default). Discord exempts interaction callbacks and webhook calls with an
 * interaction token from its global limit, and those are all citebot sends
 * once connected; @discordjs/rest counts the webhook edits anyway, so a burst
 * of deferred answers drained at 50 a second. A 429 from Discord still stops
 * everything for as long as Discord says.
 */
const GLOBAL_REQUESTS_PER_SECOND = 1_000_000;

export interface BotOptions extends TransportHandlerOptions {
  token: string;
  /** API base (`DISCORD_API_URL`), e.g. `http://127.0.0.1:3000/api`; default Discord's own. */
  apiUrl?: string | undefined;
}

export interface Bot {
  readonly client: Client;
  /** Interactions being answered right now. */
  readonly inFlight: number;
  /** Logs in and resolves once the gateway is ready; rejects when the token is refused. */
  start(): Promise<void>;
  /**
   * Stops taking interactions, waits (up to `graceMs`) for those being
   * answered, then destroys the client.
   */
  stop(graceMs?: number): Promise<void>;
}

/** The REST base discord.js wants: no trailing slash. */
function apiBase(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '');
}

/** The Discord client with citebot's interaction handling, not yet logged in. */
export function createBot(options: BotOptions): Bot {
  const { logger } = options;
  const api = apiBase(options.apiUrl);
  const rest = new RestWatch();
  // Interactions arrive without any intent; Guilds is the least discord.js needs to track its guilds.
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: {
      ...(api ? { api } : {}),
      globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND,
      makeRequest: rest.makeRequest(),
    },
  });
  screenInteractions(client, logger);
  const handle = createInteractionHandler({
    context: options.context,
    logger,
    shown: options.shown ?? new ShownAnswers(),
    rest,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(options.cooldown ? { cooldown: options.cooldown } : {}),
    ...(options.feedback ? { feedback: options.feedback } : {}),
  });
  const inFlight = new InFlight();
  const answered = options.answered ?? new MemoryStore();
  let accepting = true;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    // Node runs a signal's handler at the end of the event loop's poll phase, after the socket
    // data read in the same phase: look at `accepting` once that phase is over, so that an
    // interaction that came in with or after SIGTERM is turned away even when the loop was busy.
    inFlight.track(
      new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        // A gateway replay after a RESUME, or a delivery another process took, is answered once.
        if (!(await firstDelivery(answered, interaction.id, logger))) return;
        if (accepting) await handle(interaction);
        else await turnAway(interaction).catch(() => {});
      }),
    );
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, 'discord client warning'));
  // A stopping client closes its own connection: that is no news.
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (accepting) logger.warn({ shard, code: event.code }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shard) => {
    if (accepting) logger.info({ shard }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  return {
    client,
    get inFlight() {
      return inFlight.size;
    },
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token);
      await ready;
    },
    async stop(graceMs = SHUTDOWN_GRACE_MS) {
      accepting = false;
      logger.info({ inFlight: inFlight.size }, 'no longer taking interactions; finishing those under way');
      await inFlight.drain(handle, logger, graceMs);
      await client.destroy();
      logger.info('discord client destroyed');
    },
  };
}

function loginProblem(err: unknown, apiUrl: string | undefined): string {
  const error = err as { code?: unknown; message?: string; cause?: { code?: string } };
  if (error.code === 'TokenInvalid') {
    return 'Discord refused DISCORD_TOKEN. Reset the token (Developer Portal → your application → Bot → Reset Token) and put it in .env.';
  }
  const where = apiUrl ?? 'https://discord.com/api';
  return `cannot connect to Discord at ${where}: ${error.message ?? String(err)}${error.cause?.code ? ` (${error.cause.code})` : ''}`;
}

/**
 * `npm start` with a token: connects with the Guilds intent only and answers
 * interactions from the reloader's context; `stop` stops in order (no new
 * interactions, finish those under way, destroy the client).
 */
export function gatewayTransport({ config, logger: parent, reloader }: TransportSetup): Transport {
  // A shard's log lines say which shard wrote them.
  const logger = config.shard ? parent.child({ shard: config.shard.id }) : parent;
  // Refuse a command set Discord would reject before connecting, not at the first interaction.
  toDiscordCommands(reloader.current().commands.values());
  const serving = openServing(config, logger, reloader);
  const { stores } = serving;
  const bot = createBot({
    feedback: serving.feedback,
    token: config.DISCORD_TOKEN ?? '',
    apiUrl: config.DISCORD_API_URL,
    context: reloader.current,
    logger,
    shown: new ShownAnswers({ store: stores.shown }),
    cooldown: new Cooldown({ ms: config.COOLDOWN_SECONDS * 1000, store: stores.cooldowns }),
    answered: stores.answered,
  });
  // For the health check (HEALTH_PORT): connected from ready until a drop, again once resumed.
  let connected = false;
  bot.client.on(Events.ClientReady, () => {
    connected = true;
  });
  bot.client.on(Events.ShardReady, () => {
    connected = true;
  });
  bot.client.on(Events.ShardResume, () => {
    connected = true;
  });
  bot.client.on(Events.ShardDisconnect, () => {
    connected = false;
  });
  bot.client.on(Events.ShardReconnecting, () => {
    connected = false;
  });
  return serving.transport({
    start: () => bot.start(),
    stop: () => bot.stop(),
    connected: () => connected,
    startProblem: (err) => new Error(loginProblem(err, config.DISCORD_API_URL)),
    ready: () => {
      const { engine, commands } = reloader.current();
      const { stats } = engine;
      return {
        user: bot.client.user?.tag,
        applicationId: bot.client.application?.id,
        guilds: bot.client.guilds.cache.size,
        commands: [...commands.keys()].sort(),
        files: stats.files,
        sentences: stats.sentences,
        skipped: stats.skipped,
        dateRange: stats.dateRange,
        buildMs: Math.round(stats.buildMs),
        cooldownSeconds: config.COOLDOWN_SECONDS,
        watching: reloader.watching,
      };
    },
  });
}
