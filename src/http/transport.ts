import { Client, InteractionResponseType, InteractionType, MessageFlags } from 'discord.js';
import { toDiscordCommands } from '../discord/commands.js';
import { Cooldown } from '../discord/cooldown.js';
import { firstDelivery } from '../discord/dedupe.js';
import { InFlight, SHUTDOWN_GRACE_MS } from '../discord/inFlight.js';
import { createInteractionHandler, type TransportHandlerOptions } from '../discord/interactions.js';
import { RESTARTING } from '../discord/reply.js';
import { RestWatch } from '../discord/restWatch.js';
import { malformedReply, payloadProblem } from '../discord/screen.js';
import { ShownAnswers } from '../discord/shown.js';
import { NO_MENTIONS } from '../render/discord.js';
import { openServing } from '../serving.js';
import { MemoryStore } from '../store/memory.js';
import type { Transport, TransportSetup } from '../transport.js';
import { checkActions, interactionFromPayload } from './fromPayload.js';
import { Responder } from './responder.js';
import { type HttpReply, type InteractionServer, startInteractionServer } from './server.js';
import { publicKeyFromHex } from './signature.js';

/**
 * Discord waits 3 s for the answer to its POST. The handlers defer a slow
 * command at 1.5 s; should nothing have answered by this time (a handler stuck
 * before it could defer), the POST is answered with a deferral of its kind so
 * that the user is not left with "the application did not respond".
 */
export const ANSWER_BY_MS = 2500;

/** See src/discord/bot.ts: Discord exempts interaction callbacks and webhook calls from its global limit. */
const GLOBAL_REQUESTS_PER_SECOND = 1_000_000;

export interface HttpBotOptions extends TransportHandlerOptions {
  publicKey: string;
  host: string;
  port: number;
  /** REST base for edits and follow-ups (`DISCORD_API_URL`); default Discord's own. */
  apiUrl?: string | undefined;
  answerByMs?: number;
  bodyLimitBytes?: number;
}

export interface HttpBot {
  readonly client: Client;
  /** The port it listens on, once started. */
  readonly port: number;
  readonly inFlight: number;
  start(): Promise<void>;
  stop(graceMs?: number): Promise<void>;
}

const JSON_OF = (body: unknown): HttpReply => ({ status: 200, json: JSON.stringify(body) });

/** The deferral that answers a POST nothing else answered in time, by kind of interaction. */
function netType(type: unknown): InteractionResponseType {
  if (type === InteractionType.ApplicationCommandAutocomplete)
    return InteractionResponseType.ApplicationCommandAutocompleteResult;
  if (type === InteractionType.MessageComponent) return InteractionResponseType.DeferredMessageUpdate;
  return InteractionResponseType.DeferredChannelMessageWithSource;
}

function netBody(type: InteractionResponseType): unknown {
  return type === InteractionResponseType.ApplicationCommandAutocompleteResult
    ? { type, data: { choices: [] } }
    : { type };
}

/** What an interaction that comes while citebot stops is answered: no choices, or a private "restarting". */
function restartingReply(type: unknown): HttpReply {
  if (type === InteractionType.ApplicationCommandAutocomplete) {
    return JSON_OF({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  }
  return JSON_OF({
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { content: RESTARTING, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
  });
}

/**
 * The bot over HTTP interactions: Discord POSTs each interaction to
 * `/interactions`, and the same handlers as the gateway bot answer it, through
 * a discord.js client that never logs in. Their first response becomes the
 * answer to the POST (src/http/responder.ts); edits and follow-ups go to
 * Discord's REST with the interaction token.
 */
export function createHttpBot(options: HttpBotOptions): HttpBot {
  const { logger } = options;
  const api = options.apiUrl?.replace(/\/+$/, '');
  const rest = new RestWatch();
  const responder = new Responder();
  const client = new Client({
    intents: [],
    allowedMentions: NO_MENTIONS,
    rest: {
      ...(api ? { api } : {}),
      globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND,
      makeRequest: responder.makeRequest(rest.makeRequest()),
    },
  });
  checkActions(client);
  responder.useRest(client.rest);
  const publicKey = publicKeyFromHex(options.publicKey);
  const handle = createInteractionHandler({
    context: options.context,
    logger,
    shown: options.shown ?? new ShownAnswers(),
    rest,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(options.cooldown ? { cooldown: options.cooldown } : {}),
    ...(options.feedback ? { feedback: options.feedback } : {}),
  });
  const answerByMs = options.answerByMs ?? ANSWER_BY_MS;
  const inFlight = new InFlight();
  let accepting = false;
  let server: InteractionServer | null = null;

  const answered = options.answered ?? new MemoryStore();

  async function onInteraction(payload: Record<string, unknown>): Promise<HttpReply> {
    const { id, token, application_id: applicationId, type } = payload;
    if (!accepting) return restartingReply(type);
    const problem =
      typeof id !== 'string' || typeof token !== 'string' || typeof applicationId !== 'string'
        ? 'it has no id, token or application id'
        : payloadProblem(payload);
    if (problem !== null) {
      logger.warn({ kind: 'other', outcome: 'malformed', problem, interactionId: id }, 'interaction');
      return JSON_OF(malformedReply(type, problem));
    }
    // Delivered again, or taken by another process behind the same endpoint: answered there.
    if (!(await firstDelivery(answered, id as string, logger))) {
      return { status: 409, text: 'this interaction is already being answered' };
    }
    return new Promise<HttpReply>((resolve) => {
      let answered = false;
      const answer = (reply: HttpReply) => {
        if (answered) return;
        answered = true;
        clearTimeout(net);
        resolve(reply);
      };
      const waiting = responder.expect(id as string, applicationId as string, token as string, (first) =>
        answer({ status: 200, json: first.json }),
      );
      const answerWithNet = (why: string) => {
        if (answered) return;
        const netted = netType(type);
        waiting.answeredBy(netted);
        logger.warn({ interactionId: id, why }, 'interaction not answered in time; deferred it');
        answer(JSON_OF(netBody(netted)));
      };
      const net = setTimeout(() => answerWithNet('late'), answerByMs);
      let interaction: ReturnType<typeof interactionFromPayload>;
      try {
        interaction = interactionFromPayload(client, payload);
      } catch (err) {
        logger.warn({ interactionId: id, err: (err as Error).message }, 'interaction could not be read');
        waiting.done();
        answer(JSON_OF(malformedReply(type, 'discord.js could not read it')));
        return;
      }
      if (!interaction) {
        waiting.done();
        answer(JSON_OF(malformedReply(type, 'it is of a kind citebot does not handle')));
        return;
      }
      inFlight.track(
        handle(interaction).finally(() => {
          waiting.done();
          answerWithNet('handler ended without a response');
        }),
      );
    });
  }

  return {
    client,
    get port() {
      return server?.port ?? options.port;
    },
    get inFlight() {
      return inFlight.size;
    },
    async start() {
      server = await startInteractionServer({
        host: options.host,
        port: options.port,
        publicKey,
        logger,
        onInteraction,
        ...(options.bodyLimitBytes !== undefined ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
      });
      accepting = true;
    },
    async stop(graceMs = SHUTDOWN_GRACE_MS) {
      accepting = false;
      logger.info({ inFlight: inFlight.size }, 'no longer taking interactions; finishing those under way');
      await inFlight.drain(handle, logger, graceMs);
      await server?.close();
      await client.destroy();
    },
  };
}

/**
 * `npm start` with DISCORD_PUBLIC_KEY and HTTP_PORT: serves POST /interactions
 * (the Interactions Endpoint URL in the Developer Portal points at it, through
 * a TLS proxy) instead of connecting to the gateway.
 */
export function httpTransport({ config, logger, reloader }: TransportSetup): Transport {
  toDiscordCommands(reloader.current().commands.values());
  const serving = openServing(config, logger, reloader);
  const { stores } = serving;
  const bot = createHttpBot({
    publicKey: config.DISCORD_PUBLIC_KEY ?? '',
    host: config.HTTP_HOST,
    port: config.HTTP_PORT ?? 0,
    apiUrl: config.DISCORD_API_URL,
    context: reloader.current,
    logger,
    shown: new ShownAnswers({ store: stores.shown }),
    cooldown: new Cooldown({ ms: config.COOLDOWN_SECONDS * 1000, store: stores.cooldowns }),
    answered: stores.answered,
    feedback: serving.feedback,
  });
  return serving.transport({
    start: () => bot.start(),
    stop: () => bot.stop(),
    ready: () => {
      const { stats } = reloader.current().engine;
      return {
        transport: 'http',
        host: config.HTTP_HOST,
        port: bot.port,
        files: stats.files,
        sentences: stats.sentences,
        cooldownSeconds: config.COOLDOWN_SECONDS,
        watching: reloader.watching,
      };
    },
  });
}
