import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** Connects to Discord and serves the slash commands (issue #4). */
export async function startBot(_config: Config, logger: Logger): Promise<never> {
  logger.fatal('the Discord transport is not built yet; unset DISCORD_TOKEN to use the offline console');
  process.exit(1);
}
