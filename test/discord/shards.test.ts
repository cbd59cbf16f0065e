import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSnapshotPath } from '../../src/index/snapshot.js';
import { startMain } from '../support/child.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { chatInput } from '../support/interactions.js';
import { ROOT } from '../support/seedEngine.js';
import { tempCorpus } from '../support/tempCorpus.js';

let fake: FakeDiscord;
const corpus = tempCorpus();

beforeAll(async () => {
  fake = await FakeDiscord.start({ recommendedShards: 2 });
  cpSync(path.join(ROOT, 'seeds'), corpus.dir, { recursive: true });
});

afterAll(async () => {
  await fake?.close();
  rmSync(defaultSnapshotPath(corpus.dir, ROOT), { force: true });
  corpus.cleanup();
});

describe('npm start with SHARDS', () => {
  it('builds the snapshot once, spawns 2 shards that load it and identify as [id, 2], and answers on both', async () => {
    const bot = startMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHARDS: 'auto',
      CORPUS_DIR: corpus.dir,
      WATCH_CORPUS: 'false',
      INDEX_SNAPSHOT: '',
    });
    try {
      await bot.until(
        () => bot.lines().some((l) => l.msg === 'ready' && l.transport === 'shards'),
        'manager ready',
      );
      expect(existsSync(defaultSnapshotPath(corpus.dir, ROOT))).toBe(true);
      expect(fake.identifies.map(String).sort()).toEqual(['0,2', '1,2']);
      const indexed = bot.lines().filter((l) => l.msg === 'corpus indexed');
      // The manager built the index (and saved the snapshot); each shard loaded that snapshot.
      expect(indexed.map((l) => l.indexFrom).sort()).toEqual(['built', 'snapshot', 'snapshot']);
      expect(String(indexed.find((l) => l.indexFrom === 'built')?.snapshot)).toMatch(/saved/);
      expect(indexed.filter((l) => String(l.snapshot ?? '').startsWith('loaded'))).toHaveLength(2);

      for (const shard of [0, 1]) {
        const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
        fake.sendToShard(shard, interaction);
        expect((await fake.callback(interaction.id)).body.type).toBe(4);
        await bot.until(
          () => bot.lines().some((l) => l.msg === 'interaction' && l.shard === shard && l.command === 'ask'),
          `shard ${shard}'s interaction log line`,
        );
      }
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 120_000);
});
