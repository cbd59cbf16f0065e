import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A fake Discord on 127.0.0.1: the REST routes citebot and discord.js use,
 * and a gateway that says HELLO, answers IDENTIFY with READY, acks heartbeats,
 * RESUMEs, and delivers the interactions a test sends. Every REST call is
 * recorded for the test to assert on. See ../shared/DISCORD.md.
 */

export interface RestCall {
  method: string;
  /** Path after `/api/v10`, URL-decoded: `/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: a recorded JSON body, asserted on field by field
  body: any;
  authorization: string | undefined;
  /** performance.now() when the request had been read. */
  at: number;
}

export interface FakeDiscordOptions {
  token?: string;
}

let sequence = 0n;
/** A snowflake of now, unique within the process. */
export function snowflake(): string {
  sequence = (sequence + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) | sequence).toString();
}

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly botUser = {
    id: this.applicationId,
    username: 'citebot',
    discriminator: '0',
    global_name: 'citebot',
    avatar: null,
    bot: true,
  };
  readonly calls: RestCall[] = [];
  /** Registered commands by scope (`global` or a guild id). */
  readonly commands = new Map<string, unknown[]>();
  apiUrl = '';
  #server: Server;
  #gateway: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #seq = 0;

  private constructor(options: FakeDiscordOptions) {
    super();
    this.token = options.token ?? 'fake.token.for-tests-only-0123456789';
    this.#server = createServer((req, res) => void this.#onRequest(req, res));
    this.#gateway = new WebSocketServer({ server: this.#server, path: '/gateway' });
    this.#gateway.on('connection', (socket) => this.#onSocket(socket));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.#server.address() as AddressInfo;
    fake.apiUrl = `http://127.0.0.1:${port}/api`;
    return fake;
  }

  get gatewayUrl(): string {
    return this.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, '/gateway');
  }

  /** Sends a gateway dispatch to every connected client; returns performance.now() at sending. */
  dispatch(t: string, d: unknown): number {
    const frame = JSON.stringify({ op: 0, t, s: ++this.#seq, d });
    const at = performance.now();
    for (const socket of this.#sockets) socket.send(frame);
    return at;
  }

  /** Delivers an interaction (see ./interactions.ts) as INTERACTION_CREATE. */
  send(interaction: { id: string }): number {
    return this.dispatch('INTERACTION_CREATE', interaction);
  }

  /** Closes every gateway connection as a network drop would: the client resumes. */
  dropConnections(): void {
    for (const socket of this.#sockets) socket.terminate();
  }

  /** The first recorded call that matches, waiting for it if it has not come yet. */
  waitFor(match: (call: RestCall) => boolean, what = 'a REST call', timeoutMs = 10_000): Promise<RestCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('call', listener);
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (call: RestCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.off('call', listener);
        resolve(call);
      };
      this.on('call', listener);
    });
  }

  /** The interaction callback (reply, defer, update, choices) the bot sent for an interaction. */
  callback(interactionId: string): Promise<RestCall> {
    return this.waitFor(
      (c) => c.method === 'POST' && c.path.startsWith(`/interactions/${interactionId}/`),
      `callback for interaction ${interactionId}`,
    );
  }

  /** The webhook calls (edits, follow-ups, deletes) made with an interaction's token. */
  webhookCalls(token: string): RestCall[] {
    return this.calls.filter((c) => c.path.startsWith(`/webhooks/${this.applicationId}/${token}`));
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#gateway.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onSocket(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const { op } = JSON.parse(String(raw)) as { op: number };
      if (op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (op === 2) {
        const ready = {
          v: 10,
          user: this.botUser,
          guilds: [],
          session_id: `session-${snowflake()}`,
          resume_gateway_url: this.gatewayUrl,
          shard: [0, 1],
          application: { id: this.applicationId, flags: 0 },
        };
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.#seq, d: ready }));
      }
      if (op === 6) socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.#seq, d: {} }));
    });
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const call: RestCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, '')),
      query: url.searchParams,
      body: text && req.headers['content-type']?.includes('json') ? JSON.parse(text) : text,
      authorization: req.headers.authorization,
      at: performance.now(),
    };
    this.calls.push(call);
    const reply = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const authorised = call.authorization === `Bot ${this.token}`;
    const route = `${call.method} ${call.path}`;
    const registered = /^PUT \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(route);

    if (route === 'GET /gateway/bot' || route === 'GET /applications/@me' || registered) {
      if (!authorised) reply(401, { message: '401: Unauthorized', code: 0 });
      else if (route === 'GET /gateway/bot') {
        reply(200, {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        });
      } else if (route === 'GET /applications/@me') {
        reply(200, { id: this.applicationId, name: 'citebot', bot: this.botUser, flags: 0 });
      } else if (registered?.[1] !== this.applicationId) {
        reply(404, { message: 'Unknown Application', code: 10002 });
      } else {
        const withIds = (call.body as Record<string, unknown>[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
        }));
        this.commands.set(registered[2] ?? 'global', withIds);
        reply(200, withIds);
      }
    } else if (/^POST \/interactions\/\d+\/[^/]+\/callback$/.test(route)) {
      reply(204);
    } else if (/^(PATCH|POST) \/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(route)) {
      reply(200, this.#message(call.body));
    } else if (/^DELETE \/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(route)) {
      reply(204);
    } else {
      reply(404, { message: `404: Not Found (fake Discord has no ${route})`, code: 0 });
    }
    this.emit('call', call);
  }

  /** A message object for a webhook edit or follow-up, as Discord returns it. */
  #message(body: Record<string, unknown>): Record<string, unknown> {
    return {
      id: snowflake(),
      type: 0,
      channel_id: snowflake(),
      author: this.botUser,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      flags: body.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
    };
  }
}
