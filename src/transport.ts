import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Reloader } from './reload.js';

/**
 * How requests reach citebot and answers leave it: the offline console, the
 * Discord gateway, and next HTTP interactions. The core never knows which one
 * is running; src/main.ts picks one, and a new one is a folder plus one line
 * there.
 */
export interface Transport {
  /**
   * Starts taking requests. Resolves once it is ready to (a server), or, for
   * a transport that `endsByItself`, once it has ended. Rejects with a
   * message for the operator when it cannot start.
   */
  start(): Promise<void>;
  /** Stops taking requests, finishes (or turns away) those under way, and lets go of what it holds. */
  stop(): Promise<void>;
  /**
   * The console ends with its input, and a signal ends it as it ends any
   * command-line tool. A server runs until SIGINT or SIGTERM, which stop it
   * in order (src/main.ts).
   */
  readonly endsByItself: boolean;
}

/** What a transport is made from: the settings, the log, and the reloader that holds the context to answer with. */
export interface TransportSetup {
  config: Config;
  logger: Logger;
  reloader: Reloader;
  /** `--json`: answers as JSON objects, where the transport prints text. */
  json: boolean;
}

export type CreateTransport = (setup: TransportSetup) => Transport;
