import type { Config } from './config.js';
import { type FeedbackStore, noFeedback, openFeedback } from './feedback/store.js';
import { type HealthServer, startHealthServer } from './health.js';
import type { Logger } from './logger.js';
import type { Reloader } from './reload.js';
import { openStores } from './store/index.js';
import type { Stores } from './store/types.js';
import type { Transport } from './transport.js';

/**
 * What the gateway bot and the HTTP interactions transport share around their
 * own server: the stores several processes share, the feedback database, the
 * health check, and the order they start and stop in.
 */
export interface Serving {
  stores: Stores;
  /** The feedback store: a no-op until `start` has opened the database. */
  feedback: () => FeedbackStore;
  /** A transport around `server`: health check up first, then feedback and stores, then the server. */
  transport(server: ServedServer): Transport;
}

export interface ServedServer {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** What the health check reports as connected; the default is "taking requests". */
  connected?: () => boolean;
  /** The operator's message for a server that could not start; the default rethrows. */
  startProblem?: (err: unknown) => Error;
  /** The fields of the `ready` log line beyond the feedback database and store. */
  ready: () => Record<string, unknown>;
}

export function openServing(config: Config, logger: Logger, reloader: Reloader): Serving {
  let feedback = noFeedback(config.FEEDBACK_DB);
  const stores = openStores(config, logger);
  return {
    stores,
    feedback: () => feedback,
    transport(server) {
      let accepting = false;
      let health: HealthServer | null = null;
      return {
        endsByItself: false,
        async start() {
          if (config.HEALTH_PORT !== undefined) {
            // Up before the server, answering 503 until it is ready.
            health = await startHealthServer({
              host: config.HEALTH_HOST,
              port: config.HEALTH_PORT,
              logger,
              accepting: () => accepting,
              gatewayConnected: server.connected ?? (() => accepting),
              engine: () => reloader.current().engine,
            });
          }
          feedback = await openFeedback(config.FEEDBACK_DB, logger);
          await stores.ready;
          try {
            await server.start();
          } catch (err) {
            await health?.close();
            throw server.startProblem ? server.startProblem(err) : err;
          }
          accepting = true;
          logger.info(
            { ...server.ready(), feedbackDb: feedback.ok ? config.FEEDBACK_DB : null, store: stores.kind },
            'ready',
          );
        },
        async stop() {
          accepting = false;
          try {
            await server.stop();
          } finally {
            await health?.close();
            feedback.close();
            await stores.close();
          }
        },
      };
    },
  };
}
