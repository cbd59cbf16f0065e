import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { createEngine } from '../engine.js';
import { defaultSnapshotPath } from '../index/snapshot.js';
import type { Transport, TransportSetup } from '../transport.js';

/** Time each shard has to log in and be ready before the manager gives up on it. */
const SHARD_READY_MS = 60_000;
/** How long a stopping shard gets (its own shutdown takes up to about 9 s) before it is killed. */
const SHARD_STOP_MS = 9_500;

/** The shard count Discord recommends for the bot (`SHARDS=auto`), from `GET /gateway/bot` on the configured API. */
async function recommendedShards(token: string, apiUrl: string | undefined): Promise<number> {
  const api = (apiUrl ?? 'https://discord.com/api').replace(/\/+$/, '');
  const response = await fetch(`${api}/v10/gateway/bot`, { headers: { authorization: `Bot ${token}` } });
  if (response.status === 401) {
    throw new Error('Discord refused DISCORD_TOKEN. Reset the token (Developer Portal → Bot → Reset Token).');
  }
  if (!response.ok)
    throw new Error(`cannot ask Discord for a shard count at ${api}: HTTP ${response.status}`);
  const { shards } = (await response.json()) as { shards?: unknown };
  if (typeof shards !== 'number' || shards < 1) throw new Error('Discord gave no shard count');
  return shards;
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, SHARD_STOP_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * `npm start` with DISCORD_TOKEN and SHARDS: discord.js's ShardingManager
 * runs one process per shard, each `npm start` again (as a shard it connects
 * with its own `[id, count]`). The index is built once, here, before any shard
 * is spawned: main.ts has loaded it, and the snapshot in `.cache/index/` is
 * fresh; every shard loads that snapshot instead of extracting the facts again.
 * State the shards share (pages, cooldowns, dedupe) goes through REDIS_URL.
 */
export function shardedTransport({ config, logger, reloader }: TransportSetup): Transport {
  let manager: ShardingManager | null = null;
  return {
    endsByItself: false,
    async start() {
      const token = config.DISCORD_TOKEN ?? '';
      if (!config.INDEX_SNAPSHOT) {
        // The shards load the snapshot: write it once now, whatever INDEX_SNAPSHOT says for one process.
        await createEngine({
          corpusDir: config.CORPUS_DIR,
          sourceBaseUrl: config.SOURCE_BASE_URL ?? null,
          snapshotFile: defaultSnapshotPath(config.CORPUS_DIR),
        });
      }
      const totalShards =
        config.SHARDS === 'auto'
          ? await recommendedShards(token, config.DISCORD_API_URL)
          : (config.SHARDS ?? 1);
      if (!config.REDIS_URL) {
        logger.warn(
          { shards: totalShards },
          'shards without REDIS_URL: each keeps its own pages and cooldowns (a button is answered by the shard of its guild, so paging works)',
        );
      }
      // Every shard: a snapshot to load, and no health port of its own (they would all want the same one).
      process.env.INDEX_SNAPSHOT = 'true';
      process.env.HEALTH_PORT = '';
      manager = new ShardingManager(fileURLToPath(new URL('../main.ts', import.meta.url)), {
        totalShards,
        token,
        mode: 'process',
        execArgv: process.execArgv,
        shardArgs: process.argv.slice(2),
        respawn: true,
      });
      manager.on('shardCreate', (shard) => {
        logger.info({ shard: shard.id, of: totalShards }, 'shard spawned');
        shard.on('death', () => logger.warn({ shard: shard.id }, 'shard exited'));
      });
      await manager.spawn({ amount: totalShards, timeout: SHARD_READY_MS });
      const { stats } = reloader.current().engine;
      logger.info(
        {
          transport: 'shards',
          shards: totalShards,
          files: stats.files,
          sentences: stats.sentences,
          snapshot: stats.snapshot ?? null,
          store: config.REDIS_URL ? 'redis' : 'memory',
        },
        'ready',
      );
    },
    async stop() {
      if (!manager) return;
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map((shard) =>
          shard.process ? stopped(shard.process) : Promise.resolve(),
        ),
      );
    },
  };
}
