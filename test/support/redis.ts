import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { createClient } from 'redis';

/** The Redis these tests use: this project's machines and CI run one here. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why Redis cannot be used, or null when it answers a PING. */
export async function redisProblem(url = REDIS_URL): Promise<string | null> {
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return null;
  } catch (err) {
    if (client.isOpen) client.destroy();
    return `no Redis at ${url} (${(err as Error).message || (err as { code?: string }).code || 'unreachable'})`;
  }
}

/** A key prefix of one test run, so that runs never see each other's keys. */
export function testPrefix(): string {
  return `citebot-test:${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under a prefix. */
export async function cleanPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const client = createClient({ url });
  client.on('error', () => {});
  await client.connect();
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
  if (keys.length) await client.del(keys);
  await client.close();
}

/** How many keys are under a prefix. */
export async function countKeys(prefix: string, url = REDIS_URL): Promise<number> {
  const client = createClient({ url });
  client.on('error', () => {});
  await client.connect();
  let n = 0;
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) n += batch.length;
  await client.close();
  return n;
}

/**
 * A TCP proxy in front of Redis that a test can cut: Redis "goes away" for
 * the bot (connections dropped, new ones refused) and comes back.
 */
export class RedisProxy {
  #server: Server | null = null;
  #sockets = new Set<Socket>();
  port = 0;
  readonly #target: URL;

  constructor(url = REDIS_URL) {
    this.#target = new URL(url);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(Number(this.#target.port || 6379), this.#target.hostname);
      this.#sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.#sockets.delete(client);
        this.#sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  /** Redis goes away: every connection dropped, new ones refused until `start()`. */
  async cut(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    const server = this.#server;
    this.#server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
