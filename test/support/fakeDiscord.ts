import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A fake Discord on 127.0.0.1: the REST routes citebot and discord.js use,
 * and a gateway that says HELLO, answers IDENTIFY with READY, acks heartbeats,
 * RESUMEs (replaying what the client missed), and delivers the interactions a
 * test sends. Every REST call is recorded for the test to assert on. Faults on
 * demand: a dropped or closed socket, unacked heartbeats, REST answers of a
 * test's choosing (500, 429…) and REST answers held back. See
 * ../shared/DISCORD.md.
 */

export interface RestCall {
  method: string;
  /** Path after `/api/v10`, URL-decoded: `/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: a recorded JSON body, asserted on field by field
  body: any;
  authorization: string | undefined;
  /** Files of a `multipart/form-data` request (a reply with attachments); its `payload_json` is `body`. */
  files: FakeFile[];
  /** performance.now() when the request had been read. */
  at: number;
  /** Position among everything the fake saw (calls, answers, gateway closes), for order checks. */
  order: number;
  /** The status it was answered with, once answered. */
  status?: number;
  /** Position of the answer, once answered. */
  answeredOrder?: number;
}

/** A file part of a multipart request: `files[n]`. */
export interface FakeFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** Reads a request body: JSON, or multipart with a `payload_json` part and `files[n]` parts (as discord.js sends files). */
async function readBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: FakeFile[] }> {
  const text = raw.toString('utf8');
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: FakeFile[] = [];
    let body: unknown = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({
          field,
          name: value.name,
          contentType: value.type,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  return { body: text && contentType?.includes('json') ? JSON.parse(text) : text, files: [] };
}

/** An answer a test gives a REST call instead of the usual one. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A gateway connection the client closed, with its close code. */
export interface GatewayClose {
  code: number;
  order: number;
}

export interface FakeDiscordOptions {
  token?: string;
  /** The heartbeat interval HELLO asks for; short ones let a test see a missed ack. */
  heartbeatMs?: number;
  /** The shard count `GET /gateway/bot` recommends (`SHARDS=auto`). */
  recommendedShards?: number;
}

/** Dispatches kept for replay on RESUME. */
const REPLAY_LIMIT = 10_000;

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
  /** Opcodes the client sent on the gateway, in order (2 IDENTIFY, 6 RESUME, 1 heartbeat…). */
  readonly opcodes: number[] = [];
  /** Gateway connections closed by the client (not by the fake), with their codes. */
  readonly closes: GatewayClose[] = [];
  /** Dispatches sent again on a RESUME because the client had missed them. */
  replayed = 0;
  /** The `shard` of each IDENTIFY, in order: `[id, count]`, or null when the client sent none. */
  readonly identifies: ([number, number] | null)[] = [];
  readonly recommendedShards: number;
  apiUrl = '';
  /** Read at each new connection's HELLO. */
  heartbeatMs: number;
  #server: Server;
  #gateway: WebSocketServer;
  #sockets = new Set<WebSocket>();
  /** Sockets that get no more heartbeat acks (a zombie connection, as the client sees it). */
  #silent = new WeakSet<WebSocket>();
  /** Sockets the fake itself closed: their close is not the client's doing. */
  #closedByFake = new WeakSet<WebSocket>();
  /** The shard each connection identified as. */
  #shardOf = new WeakMap<WebSocket, [number, number]>();
  #seq = 0;
  #order = 0;
  #dispatched: { s: number; frame: string }[] = [];
  #overrides: { match: (call: RestCall) => boolean; answer: FakeAnswer | Promise<void> }[] = [];
  /** Every n-th interaction callback or webhook call is answered 429, as a rate-limiting Discord does. */
  #rateLimit: { every: number; retryAfterS: number; count: number } | null = null;

  private constructor(options: FakeDiscordOptions) {
    super();
    // Every test or benchmark waiting for a call listens; hundreds may wait at once.
    this.setMaxListeners(0);
    this.token = options.token ?? 'fake.token.for-tests-only-0123456789';
    this.heartbeatMs = options.heartbeatMs ?? 41_250;
    this.recommendedShards = options.recommendedShards ?? 1;
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

  /**
   * Sends a gateway dispatch to every connected client; returns performance.now()
   * at sending. Kept for replay, so one sent while the client is away arrives
   * when it resumes, as on Discord.
   */
  dispatch(t: string, d: unknown): number {
    const s = ++this.#seq;
    const frame = JSON.stringify({ op: 0, t, s, d });
    this.#dispatched.push({ s, frame });
    if (this.#dispatched.length > REPLAY_LIMIT) this.#dispatched.shift();
    const at = performance.now();
    for (const socket of this.#sockets) socket.send(frame);
    return at;
  }

  /** Delivers an interaction (see ./interactions.ts) as INTERACTION_CREATE. */
  send(interaction: { id: string }): number {
    return this.dispatch('INTERACTION_CREATE', interaction);
  }

  /** Delivers an interaction only on the connections of one shard, as Discord routes a guild's events. */
  sendToShard(shardId: number, interaction: { id: string }): void {
    const frame = JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++this.#seq, d: interaction });
    for (const socket of this.#sockets) if (this.#shardOf.get(socket)?.[0] === shardId) socket.send(frame);
  }

  /** Closes every gateway connection as a network drop would: the client resumes. */
  dropConnections(): void {
    for (const socket of this.#sockets) {
      this.#closedByFake.add(socket);
      socket.terminate();
    }
  }

  /** Closes every gateway connection with a close frame, as Discord does (4000: unknown error, resumable). */
  closeConnections(code = 4000): void {
    for (const socket of this.#sockets) {
      this.#closedByFake.add(socket);
      socket.close(code, 'fake Discord closed the connection');
    }
  }

  /** Stops acking heartbeats on the open connections; a new connection is acked again. */
  stopAcking(): void {
    for (const socket of this.#sockets) this.#silent.add(socket);
  }

  /** The next calls that match get `answers` in turn, one each, instead of the usual answer. */
  answerNext(match: (call: RestCall) => boolean, ...answers: FakeAnswer[]): void {
    for (const answer of answers) this.#overrides.push({ match, answer });
  }

  /**
   * Answers every `every`-th interaction callback or webhook call (counting
   * from now) with a 429 that says to retry after `retryAfterS` seconds; null
   * stops it.
   */
  rateLimitEvery(every: number | null, retryAfterS = 1): void {
    this.#rateLimit = every === null ? null : { every, retryAfterS, count: 0 };
  }

  /**
   * Holds back the answer to the next call that matches until `release()`:
   * a slow Discord, or a request still under way. `reached` resolves with the
   * call once it has arrived.
   */
  hold(match: (call: RestCall) => boolean): { reached: Promise<RestCall>; release: () => void } {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#overrides.push({ match, answer: released });
    const reached = this.waitFor(match, 'the held call', 30_000);
    // A test that never awaits it must not fail with an unhandled rejection when it times out.
    reached.catch(() => {});
    return { reached, release };
  }

  /**
   * The first recorded call that matches, waiting for it if it has not come
   * yet. A match is tried again once the call is answered, so that a test can
   * wait for a call answered with a given status.
   */
  waitFor(match: (call: RestCall) => boolean, what = 'a REST call', timeoutMs = 10_000): Promise<RestCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        this.off('call', listener);
        this.off('answered', listener);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (call: RestCall) => {
        if (!match(call)) return;
        stop();
        resolve(call);
      };
      this.on('call', listener);
      this.on('answered', listener);
    });
  }

  /** Resolves with a call once the fake has answered it (held and overridden calls are answered late). */
  answered(call: RestCall): Promise<RestCall> {
    return this.waitFor((c) => c === call && c.status !== undefined, 'the answer to a call', 30_000);
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
    socket.on('close', (code) => {
      this.#sockets.delete(socket);
      if (!this.#closedByFake.has(socket)) {
        const close = { code, order: ++this.#order };
        this.closes.push(close);
        this.emit('gatewayClose', close);
      }
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs } }));
    socket.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: unknown };
      this.opcodes.push(op);
      if (op === 1 && !this.#silent.has(socket)) socket.send(JSON.stringify({ op: 11 }));
      if (op === 2) {
        const shard = (d as { shard?: [number, number] } | null)?.shard ?? null;
        this.identifies.push(shard);
        this.#shardOf.set(socket, shard ?? [0, 1]);
        const ready = {
          v: 10,
          user: this.botUser,
          guilds: [],
          session_id: `session-${snowflake()}`,
          resume_gateway_url: this.gatewayUrl,
          shard: shard ?? [0, 1],
          application: { id: this.applicationId, flags: 0 },
        };
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.#seq, d: ready }));
      }
      if (op === 6) {
        const after = (d as { seq?: number } | null)?.seq ?? 0;
        for (const { s, frame } of this.#dispatched) {
          if (s <= after) continue;
          this.replayed++;
          socket.send(frame);
        }
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.#seq, d: {} }));
      }
    });
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { body, files } = await readBody(Buffer.concat(chunks), req.headers['content-type']);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const call: RestCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, '')),
      query: url.searchParams,
      body,
      files,
      authorization: req.headers.authorization,
      at: performance.now(),
      order: ++this.#order,
    };
    this.calls.push(call);
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      res.end(body === undefined ? undefined : JSON.stringify(body));
      call.status = status;
      call.answeredOrder = ++this.#order;
    };
    const index = this.#overrides.findIndex((o) => o.match(call));
    let override = index >= 0 ? this.#overrides.splice(index, 1)[0]!.answer : undefined;
    const limit = this.#rateLimit;
    if (
      !override &&
      limit &&
      /^\/(interactions|webhooks)\//.test(call.path) &&
      ++limit.count % limit.every === 0
    ) {
      const retry_after = limit.retryAfterS;
      override = {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after, global: false },
        headers: { 'retry-after': String(retry_after), 'x-ratelimit-scope': 'user' },
      };
    }
    this.emit('call', call);
    if (override instanceof Promise) await override;
    if (override && !(override instanceof Promise)) reply(override.status, override.body, override.headers);
    else this.#answer(call, reply);
    this.emit('answered', call);
  }

  /** The usual answer to a call, as Discord would give it. */
  #answer(call: RestCall, reply: (status: number, body?: unknown) => void): void {
    const authorised = call.authorization === `Bot ${this.token}`;
    const route = `${call.method} ${call.path}`;
    const registered = /^PUT \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(route);

    if (route === 'GET /gateway/bot' || route === 'GET /applications/@me' || registered) {
      if (!authorised) reply(401, { message: '401: Unauthorized', code: 0 });
      else if (route === 'GET /gateway/bot') {
        reply(200, {
          url: this.gatewayUrl,
          shards: this.recommendedShards,
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
      reply(200, this.messageObject(call.body));
    } else if (/^DELETE \/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(route)) {
      reply(204);
    } else {
      reply(404, { message: `404: Not Found (fake Discord has no ${route})`, code: 0 });
    }
  }

  /** A message object for a webhook edit or follow-up, as Discord returns it. */
  /** A message object as Discord returns it, from a reply's body. */
  messageObject(
    body: Record<string, unknown>,
    fields: Record<string, unknown> = {},
  ): Record<string, unknown> {
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
      // What a reply with files declared (`payload_json.attachments`), as Discord lists them once stored.
      attachments: Array.isArray(body.attachments)
        ? body.attachments.map((a: { id?: unknown; filename?: string; description?: string }) => ({
            id: snowflake(),
            filename: a.filename ?? 'file',
            ...(a.description !== undefined ? { description: a.description } : {}),
            size: 0,
            url: `https://cdn.fake.invalid/attachments/${a.filename ?? 'file'}`,
            proxy_url: `https://media.fake.invalid/attachments/${a.filename ?? 'file'}`,
          }))
        : [],
      pinned: false,
      ...fields,
    };
  }
}
