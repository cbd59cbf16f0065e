import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { signatureProblem } from './signature.js';

/** Discord's interaction payloads are a few kB (a message command's resolved message the most); far more is not Discord. */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** A request must have arrived whole by then: a slow sender does not hold a socket. */
export const REQUEST_TIMEOUT_MS = 10_000;
export const HEADERS_TIMEOUT_MS = 5_000;
/** Idle keep-alive connections are kept this long: longer than the usual proxy's 60 s, so the proxy closes first. */
export const KEEP_ALIVE_MS = 65_000;

export const INTERACTIONS_PATH = '/interactions';

/** The answer to one POST. */
export interface HttpReply {
  status: number;
  /** A JSON body (an interaction callback). */
  json?: string;
  /** A plain-text body (why a request is refused). */
  text?: string;
}

export interface InteractionServerOptions {
  host: string;
  port: number;
  publicKey: KeyObject;
  logger: Logger;
  /** A verified interaction other than PING: its first response. Never rejects. */
  onInteraction: (payload: Record<string, unknown>) => Promise<HttpReply>;
  bodyLimitBytes?: number;
  now?: () => number;
}

export interface InteractionServer {
  readonly port: number;
  /** Stops taking connections and closes every one (call it once the requests under way are answered). */
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: HttpReply, close = false): void {
  const body = reply.json ?? reply.text ?? '';
  res.writeHead(reply.status, {
    'content-type': reply.json !== undefined ? 'application/json' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

/** The body, or null once it passes the limit (the rest is not read). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Serves Discord's outgoing-webhook interactions at `POST /interactions`: the
 * body is read raw (up to the limit, else 413), its Ed25519 signature checked
 * over timestamp + body (401 when missing, wrong or older than 5 min), then a
 * PING is answered `{"type":1}` and any other interaction goes to
 * `onInteraction`. Keep-alive, with request and header timeouts.
 */
export async function startInteractionServer(options: InteractionServerOptions): Promise<InteractionServer> {
  const { logger } = options;
  const limit = options.bodyLimitBytes ?? BODY_LIMIT_BYTES;
  const now = options.now ?? Date.now;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== INTERACTIONS_PATH) {
      send(res, { status: 404, text: 'not found' });
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      send(res, { status: 405, text: 'POST only' });
      return;
    }
    const body = await readBody(req, limit);
    if (body === null) {
      logger.warn(
        { limitBytes: limit, declared: req.headers['content-length'] },
        'interaction body too large; refused',
      );
      // The rest of the body is not read: the connection cannot carry another request.
      send(res, { status: 413, text: `body over ${limit} bytes` }, true);
      res.once('finish', () => req.socket.destroy());
      return;
    }
    const problem = signatureProblem(
      options.publicKey,
      {
        signature: req.headers['x-signature-ed25519'] as string | undefined,
        timestamp: req.headers['x-signature-timestamp'] as string | undefined,
      },
      body,
      now(),
    );
    if (problem) {
      logger.warn({ problem, remote: req.socket.remoteAddress }, 'interaction signature refused');
      send(res, { status: 401, text: `invalid request signature (${problem})` });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      send(res, { status: 400, text: 'body is not JSON' });
      return;
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      send(res, { status: 400, text: 'body is not an interaction' });
      return;
    }
    const interaction = payload as Record<string, unknown>;
    if (interaction.type === 1) {
      send(res, { status: 200, json: '{"type":1}' });
      return;
    }
    send(res, await options.onInteraction(interaction));
  }

  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      logger.error({ err }, 'interaction request failed');
      if (!res.headersSent) send(res, { status: 500, text: 'internal error' });
      else res.end();
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `cannot listen for interactions on ${options.host}:${options.port}: ${err.code ?? err.message}`,
        ),
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
