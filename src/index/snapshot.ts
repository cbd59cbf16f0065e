import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { STOP_WORDS, termKey } from '../text/normalize.js';
import { INDEX_OPTIONS, type IndexDoc, type SearchIndex } from './searchIndex.js';
import { exportIndex, type IndexData, importIndex } from './serialize.js';

/**
 * A built index saved to a file, so that a restart over an unchanged corpus
 * loads it instead of rebuilding (and re-extracting the facts).
 *
 * The file is two lines: a small JSON header, then the JSON body. The header
 * says what the body was built from, so a snapshot that does not fit is
 * rejected before its body is parsed:
 *
 * - `version`: this file layout; bump SNAPSHOT_VERSION when it changes.
 * - `fingerprint`: how words become keys (stop words, stemming, folding
 *   rules, index options). Keys from older code would silently miss.
 * - `corpusHash`: the corpus's content hash (Corpus.hash).
 * - `factsVersion`: the fact extractor's version, given by the caller: facts
 *   from an older extractor over the same corpus are stale too.
 * - `bodyBytes` and `bodySha1`: a truncated or damaged body is caught
 *   before it is parsed (SHA-1 as a checksum, not for security: it is the
 *   fastest one Node has).
 *
 * The body is checked whole with zod (the facts with the schema the caller
 * gives), so a body with the right checksum but the wrong shape is a reason
 * to rebuild, never a crash later.
 *
 * The body holds the index (exportIndex: what MiniSearch's `toJSON` holds
 * plus the surface words, laid out to reload exactly and fast), the fact
 * documents, and the facts as whatever JSON value the engine passes in.
 * Sentence documents are left out: they are the corpus's sentences, which
 * the caller has already loaded (and hashed) to ask for the snapshot, and
 * they were half the file and of its load time.
 */

export const SNAPSHOT_FORMAT = 'citebot-index';
export const SNAPSHOT_VERSION = 1;

/** Words whose keys exercise every processing rule (case, accents, stemming, transliteration, numbers). */
const PROBE_WORDS = [
  'Running',
  'relations',
  'agreements',
  'negotiated',
  "country's",
  'Émile',
  'naïve',
  'Khabarovsk',
  'Tokayev',
  'Zhukov',
  'Djibouti',
  'Ouagadougou',
  'Philippines',
  'Dushambe',
  'Warsaw',
  'Tatiana',
  'Ilyich',
  'Massachusetts',
  '2024',
  '1.5',
];

let cachedFingerprint: string | undefined;

/** A hash of everything that turns text into index keys. */
export function processingFingerprint(): string {
  cachedFingerprint ??= createHash('sha256')
    .update(
      JSON.stringify({
        fields: INDEX_OPTIONS.fields,
        searchOptions: INDEX_OPTIONS.searchOptions,
        stopWords: [...STOP_WORDS].sort(),
        probes: PROBE_WORDS.map((w) => [w, termKey(w)]),
      }),
    )
    .digest('hex');
  return cachedFingerprint;
}

const headerSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.number().int(),
  fingerprint: z.string(),
  corpusHash: z.string(),
  factsVersion: z.string().nullable(),
  createdAt: z.string(),
  documents: z.number().int().min(0),
  /** Leading sentence documents not stored: the caller supplies them (the corpus hash vouches for them). */
  sentenceDocs: z.number().int().min(0),
  bodyBytes: z.number().int().min(0),
  bodySha1: z.string(),
});
export type SnapshotHeader = z.infer<typeof headerSchema>;

/** What a snapshot must match to be used. */
export interface SnapshotIdentity {
  /** `Corpus.hash` of the corpus the index is for. */
  corpusHash: string;
  /** Version of the fact extractor whose facts are stored (null when there are none). */
  factsVersion?: string | null;
}

export interface SnapshotContent<F = unknown> extends SnapshotIdentity {
  index: SearchIndex;
  /** The facts the index was built with, as a JSON value; restored as stored. */
  facts?: F | null;
}

export interface SnapshotExpectation extends SnapshotIdentity {
  /**
   * The corpus's sentence documents, as the index was built with them
   * (document id = position). The snapshot does not store them.
   */
  sentenceDocs: readonly IndexDoc[];
}

export type SaveResult = { file: string; bytes: number; ms: number } | { error: string };
/**
 * A snapshot that cannot be used says why; `damaged` when the file is broken
 * (not a snapshot, truncated, a bad checksum, a body that does not validate)
 * rather than merely out of date, which is worth a warning.
 */
export type LoadResult<F = unknown> =
  | { index: SearchIndex; facts: F | null; header: SnapshotHeader; ms: number }
  | { reason: string; damaged?: true };

const count = z.number().int().min(0);
/** An array of numbers, checked in one loop: the postings run to millions, and an element schema each costs 15 ns. */
const numbers = z.custom<number[]>(
  (v) => Array.isArray(v) && v.every((n) => typeof n === 'number'),
  'expected an array of numbers',
);
const docSchema = z.object({
  id: count,
  type: z.enum(['sentence', 'fact']),
  text: z.string(),
  keywords: z.string(),
});
/** What `exportIndex` writes; importIndex checks how the parts fit together. */
const indexDataSchema = z.object({
  layout: z.literal(1),
  documentCount: count,
  nextId: count,
  dirtCount: count,
  fieldIds: z.record(z.string(), count),
  averageFieldLength: numbers,
  documentIds: z.array(z.unknown()),
  fieldLengths: numbers,
  storedFields: z.array(z.tuple([z.number(), z.unknown()])),
  vocabulary: z.array(z.unknown()),
  termStarts: numbers,
  postings: numbers,
  spellings: z.array(z.unknown()),
});

/** Where and what the first problem zod found is, for the log. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}

interface Body {
  /** The documents after the leading sentence documents. */
  docs: IndexDoc[];
  facts: unknown;
  index: IndexData;
}

/** How many documents at the start are sentences whose id is their position. */
function leadingSentences(docs: readonly IndexDoc[]): number {
  let n = 0;
  while (n < docs.length && docs[n]!.type === 'sentence' && docs[n]!.id === n) n++;
  return n;
}

/** The snapshot file's bytes: header line, body line. */
export function serializeSnapshot(content: SnapshotContent): Buffer {
  const sentences = leadingSentences(content.index.docs);
  const body: Body = {
    docs: content.index.docs.slice(sentences),
    facts: content.facts ?? null,
    index: exportIndex(content.index),
  };
  const bodyBytes = Buffer.from(JSON.stringify(body));
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    fingerprint: processingFingerprint(),
    corpusHash: content.corpusHash,
    factsVersion: content.factsVersion ?? null,
    createdAt: new Date().toISOString(),
    documents: content.index.docs.length,
    sentenceDocs: sentences,
    bodyBytes: bodyBytes.length,
    bodySha1: createHash('sha1').update(bodyBytes).digest('hex'),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bodyBytes, Buffer.from('\n')]);
}

/**
 * Saves the index (and facts) to `file`, creating its folder. The file is
 * written beside and renamed into place, so a crash never leaves half a
 * snapshot under the real name. Failing to save is a value: the bot works
 * without a snapshot, it only starts slower next time.
 */
export async function saveSnapshot(file: string, content: SnapshotContent): Promise<SaveResult> {
  const started = performance.now();
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const bytes = serializeSnapshot(content);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, file);
    return { file, bytes: bytes.length, ms: performance.now() - started };
  } catch (err) {
    await rm(temporary, { force: true }).catch(() => {});
    return { error: `snapshot: cannot save ${file} (${(err as Error).message})` };
  }
}

function checkHeader(header: SnapshotHeader, expected: SnapshotIdentity): string | null {
  if (header.version !== SNAPSHOT_VERSION) {
    return `it has layout version ${header.version}; this citebot reads version ${SNAPSHOT_VERSION}`;
  }
  if (header.fingerprint !== processingFingerprint()) {
    return 'word processing (stop words, stemming, folding or index options) changed since it was made';
  }
  if (header.corpusHash !== expected.corpusHash) return 'the corpus changed since it was made';
  if (header.factsVersion !== (expected.factsVersion ?? null)) {
    return `it holds facts of extractor version ${header.factsVersion ?? 'none'}, expected ${expected.factsVersion ?? 'none'}`;
  }
  return null;
}

/** Parses a snapshot's bytes; everything that does not fit is a reason, never an exception. */
export function parseSnapshot<F = unknown>(
  bytes: Buffer,
  expected: SnapshotExpectation,
  factsSchema?: z.ZodType<F>,
): LoadResult<F> {
  const started = performance.now();
  const damaged = (reason: string) => ({ reason, damaged: true as const });
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return damaged('not a snapshot (no header line)');
  let header: SnapshotHeader;
  try {
    const raw: unknown = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
    if ((raw as { format?: unknown } | null)?.format !== SNAPSHOT_FORMAT)
      return damaged('not a citebot snapshot');
    const checked = headerSchema.safeParse(raw);
    if (!checked.success) return damaged(`damaged header (${firstIssue(checked.error)})`);
    header = checked.data;
  } catch {
    return damaged('not a snapshot (header is not JSON)');
  }
  const mismatch = checkHeader(header, expected);
  if (mismatch) return { reason: mismatch };
  if (header.sentenceDocs !== expected.sentenceDocs.length) {
    return {
      reason: `it was built over ${header.sentenceDocs} sentences, the corpus has ${expected.sentenceDocs.length}`,
    };
  }
  if (leadingSentences(expected.sentenceDocs) !== expected.sentenceDocs.length) {
    throw new Error('snapshot: sentenceDocs must be sentence documents whose id is their position');
  }

  const body = bytes.subarray(newline + 1, newline + 1 + header.bodyBytes);
  if (body.length !== header.bodyBytes) return damaged('truncated');
  if (createHash('sha1').update(body).digest('hex') !== header.bodySha1) {
    return damaged('damaged body (checksum mismatch)');
  }
  try {
    // The checksum only says the bytes are the ones written: what was written is checked whole.
    const schema = z.object({
      docs: z.array(docSchema),
      facts: factsSchema ? factsSchema.nullable() : z.unknown(),
      index: indexDataSchema,
    });
    const raw: unknown = JSON.parse(body.toString('utf8'));
    const checked = schema.safeParse(raw);
    if (!checked.success) return damaged(`damaged body (${firstIssue(checked.error)})`);
    // The value as stored, not zod's copy: that drops keys a schema does not name.
    const parsed = raw as Body;
    const docs = [...expected.sentenceDocs, ...parsed.docs];
    if (docs.length !== header.documents) return damaged('damaged body (document count)');
    const index = importIndex(parsed.index, docs);
    if (index.mini.documentCount !== docs.length) return damaged('damaged body (index and documents differ)');
    return { index, facts: (parsed.facts ?? null) as F | null, header, ms: performance.now() - started };
  } catch (err) {
    return damaged(`damaged body (${(err as Error).message})`);
  }
}

/**
 * Loads the snapshot in `file` when it was made from this corpus (and fact
 * extractor) by this code; otherwise says why not, and the caller rebuilds.
 */
export async function loadSnapshot<F = unknown>(
  file: string,
  expected: SnapshotExpectation,
  factsSchema?: z.ZodType<F>,
): Promise<LoadResult<F>> {
  const started = performance.now();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { reason: 'no snapshot yet' };
    return { reason: `cannot read it (${code ?? 'unknown error'})`, damaged: true };
  }
  const result = parseSnapshot<F>(bytes, expected, factsSchema);
  return 'reason' in result ? result : { ...result, ms: performance.now() - started };
}

/** Where the snapshot of a corpus folder lives by default: the git-ignored cache, one file per folder. */
export function defaultSnapshotPath(corpusDir: string, root: string = process.cwd()): string {
  const absolute = path.resolve(root, corpusDir);
  const id = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  return path.join(root, '.cache', 'index', `${path.basename(absolute) || 'corpus'}-${id}.snapshot`);
}
