import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from './engine.js';
import type { Logger } from './logger.js';

/** What `GET /healthz` answers: 200 when `ready`, else 503, so that a supervisor restarts a stuck bot. */
export interface HealthReport {
  /** Connected and answering: not starting, not stopping, the gateway up. */
  ready: boolean;
  gateway: { connected: boolean };
  index: {
    /** Seconds since the index answering now was swapped in (at start or by a reload). */
    ageSeconds: number;
    from: Engine['stats']['indexFrom'];
  };
  corpus: { files: number; sentences: number; facts: number; skipped: number };
  uptimeSeconds: number;
}

/** What the report is made from, read at every request. */
export interface HealthInputs {
  /** Whether the transport takes requests (false while it starts or stops). */
  accepting: () => boolean;
  gatewayConnected: () => boolean;
  /** The engine answering now (the reloader's current one). */
  engine: () => Engine;
}

/** How often the engine is looked at, to date a swap; the index age is exact to this. */
const AGE_CHECK_MS = 1000;

export interface HealthServer {
  /** The port it listens on (the one asked for, or the one given for 0). */
  readonly port: number;
  readonly host: string;
  report(): HealthReport;
  close(): Promise<void>;
}

export interface HealthServerOptions extends HealthInputs {
  host: string;
  port: number;
  logger: Logger;
}

/**
 * Serves `GET /healthz` (and HEAD) on `host:port` with a HealthReport as JSON;
 * anything else is 404 (405 for another method). Rejects when the port cannot
 * be had, with a message for the operator.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const started = Date.now();
  // The engine has no build time of its own: the age counts from when a new one is first seen.
  let seen = options.engine();
  let since = Date.now();
  const look = () => {
    const now = options.engine();
    if (now !== seen) {
      seen = now;
      since = Date.now();
    }
    return now;
  };
  const ticker = setInterval(look, AGE_CHECK_MS);
  ticker.unref();

  const report = (): HealthReport => {
    const engine = look();
    const connected = options.gatewayConnected();
    const { stats } = engine;
    return {
      ready: options.accepting() && connected,
      gateway: { connected },
      index: { ageSeconds: Math.round((Date.now() - since) / 1000), from: stats.indexFrom },
      corpus: { files: stats.files, sentences: stats.sentences, facts: stats.facts, skipped: stats.skipped },
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    };
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://health');
    if (url.pathname !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found: try /healthz"}\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' })
        .end('{"error":"GET only"}\n');
      return;
    }
    const body = report();
    res
      .writeHead(body.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(req.method === 'HEAD' ? undefined : `${JSON.stringify(body)}\n`);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    clearInterval(ticker);
    throw new Error(
      `cannot serve the health check on ${options.host}:${options.port} (${(err as Error).message}); ` +
        'set HEALTH_PORT to a free port, or unset it',
    );
  }
  const { port } = server.address() as AddressInfo;
  options.logger.info({ host: options.host, port }, `health check on http://${options.host}:${port}/healthz`);
  return {
    port,
    host: options.host,
    report,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
