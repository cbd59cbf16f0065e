import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { benchQueries } from '../../bench/queries.js';
import { ask } from '../../src/answer/ask.js';
import type { Engine } from '../../src/engine.js';
import type { IndexDoc } from '../../src/index/searchIndex.js';
import {
  decodeBody,
  defaultSnapshotPath,
  encodeBody,
  loadSnapshot,
  parseSnapshot,
  SNAPSHOT_VERSION,
  saveSnapshot,
  serializeSnapshot,
} from '../../src/index/snapshot.js';
import { runScript } from '../support/runCli.js';
import { ROOT, seedEngine } from '../support/seedEngine.js';
import { tempCorpus } from '../support/tempCorpus.js';

let engine: Engine;
let sentenceDocs: IndexDoc[];
let dir: string;
let file: string;
const FACTS = {
  people: [{ name: 'Emomali Rahmon', sources: [{ file: 'seeds/x.txt', line: 3 }] }],
  trade: [],
};

beforeAll(async () => {
  engine = await seedEngine();
  sentenceDocs = engine.index.docs.filter((d) => d.type === 'sentence');
  dir = mkdtempSync(path.join(tmpdir(), 'citebot-snapshot-'));
  file = path.join(dir, 'nested', 'seeds.snapshot');
  const saved = await saveSnapshot(file, {
    corpusHash: engine.corpus.hash,
    factsVersion: 'f1',
    index: engine.index,
    facts: FACTS,
  });
  if ('error' in saved) throw new Error(saved.error);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const expected = () => ({ corpusHash: engine.corpus.hash, factsVersion: 'f1', sentenceDocs });
const withoutTime = (answer: ReturnType<typeof ask>) => ({ ...answer, tookMs: 0 });

/** The saved bytes with the header line changed by `edit`. */
function editedHeader(edit: (header: Record<string, unknown>) => void): Buffer {
  const bytes = readFileSync(file);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
  edit(header);
  return Buffer.concat([Buffer.from(JSON.stringify(header)), bytes.subarray(newline)]);
}

describe('loadSnapshot', () => {
  it('returns an index that answers exactly as the built one when the corpus is unchanged', async () => {
    const loaded = await loadSnapshot(file, expected());
    if ('reason' in loaded) throw new Error(loaded.reason);
    const restored: Engine = { ...engine, index: loaded.index };
    const questions = [
      ...benchQueries(engine.corpus, 300, 5).map((q) => q.text),
      'What is the trade target?',
      'negotiatons with Rakhmon',
      'Dushambe tarde',
    ];
    for (const q of questions) expect(withoutTime(ask(restored, q))).toEqual(withoutTime(ask(engine, q)));
  });

  it('returns the facts as they were saved', async () => {
    const loaded = await loadSnapshot(file, expected());
    if ('reason' in loaded) throw new Error(loaded.reason);
    expect(loaded.facts).toEqual(FACTS);
    expect(loaded.header.documents).toBe(engine.index.docs.length);
  });

  it('returns a reason when the corpus changed', async () => {
    const loaded = await loadSnapshot(file, { ...expected(), corpusHash: 'other' });
    expect(loaded).toEqual({ reason: 'the corpus changed since it was made' });
  });

  it('returns a reason when the facts come from another extractor version', async () => {
    const loaded = await loadSnapshot(file, { ...expected(), factsVersion: 'f2' });
    expect('reason' in loaded && loaded.reason).toMatch(/extractor version f1, expected f2/);
  });

  it('returns a reason when the corpus has another number of sentences', async () => {
    const loaded = await loadSnapshot(file, { ...expected(), sentenceDocs: sentenceDocs.slice(1) });
    expect('reason' in loaded && loaded.reason).toMatch(/sentences/);
  });

  it('returns a reason when there is no snapshot yet', async () => {
    expect(await loadSnapshot(path.join(dir, 'missing.snapshot'), expected())).toEqual({
      reason: 'no snapshot yet',
    });
  });

  it('returns a reason when the file was made by an older layout', () => {
    const old = editedHeader((h) => {
      h.version = SNAPSHOT_VERSION - 1;
    });
    expect(parseSnapshot(old, expected())).toEqual({
      reason: `it has layout version ${SNAPSHOT_VERSION - 1}; this citebot reads version ${SNAPSHOT_VERSION}`,
    });
  });

  it('returns a reason when words were processed by other code', () => {
    const other = editedHeader((h) => {
      h.fingerprint = 'older stemming';
    });
    expect('reason' in parseSnapshot(other, expected()) && parseSnapshot(other, expected())).toMatchObject({
      reason: expect.stringMatching(/word processing/),
    });
  });

  it('returns a reason when the file is not a snapshot', () => {
    expect(parseSnapshot(Buffer.from('hello'), expected())).toEqual({
      reason: 'not a snapshot (no header line)',
      damaged: true,
    });
    expect(parseSnapshot(Buffer.from('{"a":1}\n{}'), expected())).toEqual({
      reason: 'not a citebot snapshot',
      damaged: true,
    });
    expect(parseSnapshot(Buffer.from('{oops\n{}'), expected())).toEqual({
      reason: 'not a snapshot (header is not JSON)',
      damaged: true,
    });
  });

  it('returns a reason when the body is cut short', () => {
    const bytes = readFileSync(file);
    expect(parseSnapshot(bytes.subarray(0, bytes.length - 100), expected())).toEqual({
      reason: 'truncated',
      damaged: true,
    });
  });

  it('returns a reason when a byte of the body changed', () => {
    const bytes = Buffer.from(readFileSync(file));
    const at = bytes.indexOf(0x0a) + 200;
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
    expect(parseSnapshot(bytes, expected())).toEqual({
      reason: 'damaged body (checksum mismatch)',
      damaged: true,
    });
  });

  it('returns a reason, never throws, whatever bytes the file holds', () => {
    const bytes = readFileSync(file);
    fc.assert(
      fc.property(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.nat({ max: bytes.length }),
        (at, value, cut) => {
          const damaged = Buffer.from(bytes.subarray(0, Math.max(cut, at + 1)));
          damaged[at] = value;
          const result = parseSnapshot(damaged, expected());
          // Only the final newline may change without consequence.
          const harmless = damaged.subarray(0, bytes.length - 1).equals(bytes.subarray(0, bytes.length - 1));
          expect('reason' in result || harmless).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns a reason when the checksum matches but the body is not an index', () => {
    const forged = serializeSnapshot({
      corpusHash: engine.corpus.hash,
      factsVersion: 'f1',
      index: engine.index,
    });
    const newline = forged.indexOf(0x0a);
    const body = Buffer.from('{"docs":[],"index":{"layout":1}}');
    const header = JSON.parse(forged.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    header.bodyBytes = body.length;
    header.bodySha1 = createHash('sha1').update(body).digest('hex');
    const result = parseSnapshot(
      Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]),
      expected(),
    );
    expect('reason' in result && result.reason).toMatch(/^damaged body/);
  });
});

/** A snapshot body as JSON, for editing. */
interface JsonBody {
  facts: Record<string, unknown>;
  docs: Record<string, unknown>[];
  index?: { postings: unknown[] };
}

/** `bytes` with its body replaced by `edit` of the parsed body, header checksum and size made right. */
function reforged(bytes: Buffer, edit: (body: JsonBody) => void): Buffer {
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
  const decoded = decodeBody(bytes.subarray(newline + 1, bytes.length - 1));
  if (!('value' in decoded)) throw new Error(decoded.reason);
  const parsed = decoded.value as unknown as JsonBody;
  edit(parsed);
  const body = encodeBody(parsed as unknown as Record<string, unknown>);
  header.bodyBytes = body.length;
  header.bodySha1 = createHash('sha1').update(body).digest('hex');
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body, Buffer.from('\n')]);
}

describe('parseSnapshot of a body with the right checksum and the wrong shape', () => {
  const factsSchema = z.object({
    people: z.array(z.object({ name: z.string() })),
    trade: z.array(z.unknown()),
  });

  it.each([
    ['facts.trade is not an array', (b: JsonBody) => (b.facts.trade = 'oops'), 'facts.trade'],
    ['a document has no text', (b: JsonBody) => delete b.docs[0]!.text, 'docs.0.text'],
    ['the postings hold a string', (b: JsonBody) => (b.index!.postings[3] = 'x'), 'index.postings'],
    ['the index is missing', (b: JsonBody) => delete b.index, 'index'],
  ])('returns a damaged reason naming where when %s', (_what, edit, where) => {
    const result = parseSnapshot(reforged(readFileSync(file), edit), expected(), factsSchema);
    expect(result).toEqual({
      reason: expect.stringMatching(new RegExp(`^damaged body \\(${where}: `)),
      damaged: true,
    });
  });

  it('returns the facts as stored, keys the schema does not name included, when the body fits', () => {
    const result = parseSnapshot(readFileSync(file), expected(), factsSchema);
    expect('facts' in result && result.facts).toEqual(FACTS);
  });

  it('marks an out-of-date snapshot as not damaged', () => {
    const result = parseSnapshot(readFileSync(file), { ...expected(), corpusHash: 'other' }, factsSchema);
    expect(result).toEqual({ reason: 'the corpus changed since it was made' });
  });
});

describe('npm start over a snapshot whose body is malformed but whose checksum is right', () => {
  it('rebuilds, logs a warning that says why, answers, and exits 0', async () => {
    const corpus = tempCorpus({
      'a.txt': 'Trade between Kazakhstan and Kyrgyzstan reached $2.5 billion in 2023, the ministry said.\n',
    });
    const snapshot = defaultSnapshotPath(corpus.dir, ROOT);
    try {
      // The console writes its JSON log lines to LOG_FILE; its stderr gets warnings as sentences.
      const logFile = `${corpus.dir}.log`;
      const logLines = () => {
        const lines = readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        writeFileSync(logFile, '');
        return lines;
      };
      const env = {
        CORPUS_DIR: corpus.dir,
        INDEX_SNAPSHOT: 'true',
        WATCH_CORPUS: 'false',
        LOG_FILE: logFile,
      };
      const first = await runScript('src/main.ts', [], { env, input: '' });
      expect(first.code).toBe(0);
      logLines();
      writeFileSync(
        snapshot,
        reforged(readFileSync(snapshot), (b) => (b.facts.trade = { not: 'an array' })),
      );

      const second = await runScript('src/main.ts', [], { env, input: '/about\n' });
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/1 article, 1 sentences/);
      expect(second.stderr).toMatch(/^citebot: warning: the index snapshot is damaged/);
      const logged = logLines();
      const warning = logged.find((l) => String(l.msg).startsWith('the index snapshot is damaged'));
      expect(warning).toMatchObject({
        level: 40,
        why: expect.stringMatching(/^damaged body \(facts\.trade: /),
      });
      expect(logged.find((l) => l.msg === 'corpus indexed')).toMatchObject({ indexFrom: 'built' });

      const third = await runScript('src/main.ts', [], { env, input: '' });
      expect(third.code).toBe(0);
      expect(third.stderr).not.toContain('damaged');
      expect(logLines().find((l) => l.msg === 'corpus indexed')).toMatchObject({ indexFrom: 'snapshot' });
    } finally {
      corpus.cleanup();
      rmSync(`${corpus.dir}.log`, { force: true });
      rmSync(snapshot, { force: true });
    }
  });
});

describe('saveSnapshot', () => {
  it('returns an error value when the folder cannot be made', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const saved = await saveSnapshot(path.join(blocker, 'x.snapshot'), {
      corpusHash: engine.corpus.hash,
      index: engine.index,
    });
    expect('error' in saved && saved.error).toMatch(/^snapshot: cannot save/);
  });
});

describe('defaultSnapshotPath', () => {
  it('returns one file per corpus folder in the git-ignored cache', () => {
    const a = defaultSnapshotPath('seeds', '/srv/citebot');
    expect(a).toMatch(/^\/srv\/citebot\/\.cache\/index\/seeds-[0-9a-f]{12}\.snapshot$/);
    expect(defaultSnapshotPath('other/seeds', '/srv/citebot')).not.toBe(a);
  });
});

describe('encodeBody and decodeBody', () => {
  const small = { numbers: 3, values: 2 };
  const value = {
    docs: [{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd' }, { text: 'e' }],
    index: { postings: [1, 2, 3, 4, 5, 6, 7], layout: 1, tree: ['x', [0]] },
    facts: null,
  };
  const schema = z.object({
    docs: z.array(z.object({ text: z.string() })),
    index: z.object({ postings: z.array(z.number()), layout: z.literal(1), tree: z.array(z.unknown()) }),
    facts: z.null(),
  });

  it('returns the value written, large arrays split over lines and joined again', () => {
    const body = encodeBody(value, small);
    expect(body.toString('utf8').split('\n').length).toBeGreaterThan(5);
    expect(decodeBody(body, schema)).toEqual({ value });
  });

  it('returns where a chunk does not fit, counted from the start of its array', () => {
    const bad = { ...value, docs: value.docs.map((d, i) => (i === 3 ? { text: 4 } : d)) };
    expect(decodeBody(encodeBody(bad, small), schema)).toEqual({
      reason: expect.stringMatching(/^docs\.3\.text: /),
    });
    const missing = { docs: value.docs, facts: null };
    expect(decodeBody(encodeBody(missing, small), schema)).toEqual({
      reason: expect.stringMatching(/^index: /),
    });
  });

  it('returns a reason for lines that are not body parts', () => {
    expect(decodeBody(Buffer.from('{"docs":[]}'))).toEqual({ reason: 'not a body line' });
    expect(decodeBody(Buffer.from('[[],{}]\n[["a","b"],1]'))).toEqual({ reason: 'a.b: no parent' });
  });
});
