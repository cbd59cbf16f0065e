import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import { type FeedbackStore, openFeedback } from '../../src/feedback/store.js';
import { captureLog } from '../support/captureLog.js';
import { FakeDiscord, type RestCall } from '../support/fakeDiscord.js';
import {
  ADMIN,
  ALICE,
  BOB,
  button,
  chatInput,
  customIds,
  type Interaction,
  modalSubmit,
} from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';

const EPHEMERAL = 64;
const MODAL = 9;

let fake: FakeDiscord;
const dir = mkdtempSync(join(tmpdir(), 'citebot-feedback-bot-'));
const dbPath = join(dir, 'feedback.sqlite');
const bots: Bot[] = [];
const log = captureLog();
let store: FeedbackStore;

async function startBot(feedback: FeedbackStore, logger = log.logger): Promise<Bot> {
  const engine = await seedEngine();
  const context = { engine, commands: await loadCommands() };
  const bot = createBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    context: () => context,
    logger,
    feedback: () => feedback,
  });
  await bot.start();
  bots.push(bot);
  return bot;
}

/** The call that carries an interaction's message: the callback, or the edit of its deferral. */
// biome-ignore lint/suspicious/noExplicitAny: a recorded JSON body, asserted on field by field
type Body = Record<string, any>;
async function messageCall(interaction: Interaction): Promise<{ call: RestCall; message: Body }> {
  fake.send(interaction);
  const callback = await fake.callback(interaction.id);
  if (callback.body.type !== 5) return { call: callback, message: callback.body.data };
  const edit = await fake.waitFor(
    (c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`),
    'the edit of a deferral',
    20_000,
  );
  return { call: edit, message: edit.body };
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  store = await openFeedback(dbPath, log.logger);
  await startBot(store);
}, 60_000);

afterAll(async () => {
  for (const bot of bots) await bot.stop(0);
  await fake.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/trade on Discord', () => {
  it('returns the chart as a multipart PNG attachment with alt text, shown as the embed image', async () => {
    const { call, message } = await messageCall(chatInput(fake, 'trade'));
    expect(call.files).toHaveLength(1);
    const [file] = call.files;
    expect(file?.name).toBe('trade-chart.png');
    expect(file?.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(file?.data.readUInt32BE(16)).toBe(1600);
    expect(message.embeds[0].image).toEqual({ url: 'attachment://trade-chart.png' });
    // discord.js declares each file in payload_json by its part's index, with its alt text.
    expect(file?.field).toBe('files[0]');
    expect(message.attachments).toEqual([
      { id: '0', description: expect.stringMatching(/trade volume by year/) },
    ]);
    expect(message.attachments[0].description).toMatch(/2024: \$1\.2 billion/);

    // Next page: an edit, which keeps the message's files, so the page shows the same image.
    const next = customIds(message).find((id) => id.startsWith('pg:') && id.endsWith(':n'));
    expect(next).toBeDefined();
    const press = button(fake, next!, message);
    fake.send(press);
    const update = (await fake.callback(press.id)).body;
    expect(update.type).toBe(7);
    expect(update.data.embeds[0].image).toEqual({ url: 'attachment://trade-chart.png' });
    expect(customIds(update.data).filter((id) => id.startsWith('fb:'))).toEqual(
      customIds(message).filter((id) => id.startsWith('fb:')),
    );
  }, 30_000);
});

describe('feedback buttons', () => {
  it('returns 👍 and 👎 beside the other buttons of an answer, and with a "not found" answer', async () => {
    const { message } = await messageCall(chatInput(fake, 'ask', { question: 'What is the trade target?' }));
    const ids = customIds(message);
    expect(ids.filter((id) => id.startsWith('fb:'))).toHaveLength(2);
    for (const row of message.components) expect(row.components.length).toBeLessThanOrEqual(5);
    const notFound = await messageCall(
      chatInput(fake, 'ask', { question: 'Who won the zorbing cup on Mars?' }),
    );
    expect(notFound.message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(customIds(notFound.message).filter((id) => id.startsWith('fb:'))).toHaveLength(2);
  });

  it('keeps a 👍, and a 👎 with the reason typed in its form (button → modal → submit)', async () => {
    const question = 'What is the trade target?';
    const { message } = await messageCall(chatInput(fake, 'ask', { question }));
    const [up, down] = customIds(message).filter((id) => id.startsWith('fb:'));

    const thanks = await messageCall(button(fake, up!, message, BOB));
    expect(thanks.message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(thanks.message.content).toMatch(/Thanks/);

    const press = button(fake, down!, message, ALICE);
    fake.send(press);
    const modal = (await fake.callback(press.id)).body;
    expect(modal.type).toBe(MODAL);
    const formId = modal.data.custom_id as string;
    const field = modal.data.components[0].components[0];
    expect(field).toMatchObject({ custom_id: 'reason', max_length: 300, required: false });

    const submitted = await messageCall(
      modalSubmit(fake, formId, { reason: 'the quote is about 2019' }, ALICE),
    );
    expect(submitted.message.content).toMatch(/reason are noted/);

    const db = new Sqlite(dbPath, { readonly: true });
    const rows = db
      .prepare(
        'SELECT v.vote, v.reason, a.question, a.command, a.citations FROM votes v JOIN answers a ON a.id = v.answer_id ORDER BY v.vote',
      )
      .all() as Record<string, unknown>[];
    db.close();
    const ours = rows.filter((r) => r.question === question);
    expect(ours.map((r) => [r.vote, r.reason])).toEqual(
      expect.arrayContaining([
        [-1, 'the quote is about 2019'],
        [1, null],
      ]),
    );
    expect(JSON.parse(String(ours[0]?.citations)).length).toBeGreaterThan(0);
  });

  it('returns answers for many votes pressed at once, and keeps each', async () => {
    const { message } = await messageCall(
      chatInput(fake, 'ask', { question: 'Which agreements were signed?' }),
    );
    const [up] = customIds(message).filter((id) => id.startsWith('fb:'));
    const presses = Array.from({ length: 30 }, (_, i) =>
      button(fake, up!, message, { id: `3100000000000000${String(i).padStart(2, '0')}`, username: `u${i}` }),
    );
    for (const p of presses) fake.send(p);
    const bodies = await Promise.all(presses.map(async (p) => (await fake.callback(p.id)).body));
    expect(bodies.every((b) => b.type === 4 && /Thanks/.test(b.data.content))).toBe(true);
    const answerId = up!.split(':')[1];
    const db = new Sqlite(dbPath, { readonly: true });
    expect(
      db.prepare('SELECT count(*) FROM votes WHERE answer_id = ? AND vote = 1').pluck().get(answerId),
    ).toBe(30);
    db.close();
  });

  it('returns /about with the feedback summary, privately, to a member with Manage Server only', async () => {
    const admin = await messageCall(chatInput(fake, 'about', {}, ADMIN));
    expect(admin.message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(admin.message.embeds[0].description).toMatch(/Feedback: \d+ answers shown, \d+ not found/);
    expect(admin.message.embeds[0].description).toContain('Who won the zorbing cup on Mars?');
    const member = await messageCall(chatInput(fake, 'about', {}, ALICE));
    expect(member.message.embeds[0].description).not.toMatch(/Feedback:/);
  });
});

describe('feedback on a database that cannot be written', () => {
  it('returns answers and button replies as usual, with a clear warning in the log', async () => {
    const brokenLog = captureLog();
    const broken = await openFeedback('/sys/citebot-test/feedback.sqlite', brokenLog.logger);
    expect(brokenLog.lines().find((l) => l.level === 40)?.msg).toMatch(
      /cannot open FEEDBACK_DB; answers go on/,
    );
    // A second bot on the same fake answers the next interactions too: stop the first for this test.
    await bots[0]?.stop(0);
    bots.shift();
    await startBot(broken, brokenLog.logger);
    const { message } = await messageCall(chatInput(fake, 'ask', { question: 'What is the trade target?' }));
    const [up, down] = customIds(message).filter((id) => id.startsWith('fb:'));
    const thanks = await messageCall(button(fake, up!, message));
    expect(thanks.message.content).toMatch(/Thanks/);
    const press = button(fake, down!, message);
    fake.send(press);
    const modal = (await fake.callback(press.id)).body;
    expect(modal.type).toBe(MODAL);
    const submitted = await messageCall(modalSubmit(fake, modal.data.custom_id, { reason: 'x' }));
    expect(submitted.message.content).toMatch(/Thanks/);
    const line = await brokenLog.waitFor((l) => l.kind === 'modal' && l.msg === 'interaction');
    expect(line).toMatchObject({ outcome: 'reason', kept: false });
  }, 30_000);
});
