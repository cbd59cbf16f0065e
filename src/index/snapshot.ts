import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { processingFingerprint } from './fingerprint.js';
import type { IndexDoc, SearchIndex } from './searchIndex.js';
import { exportIndex, type IndexData, importIndexSteps } from './serialize.js';
import { drive, driveAsync, type Steps } from './steps.js';

/**
 * A built index saved to a file, so that a restart over an unchanged corpus
 * loads it instead of rebuilding (and re-extracting the facts).
 *
 * The file is a small JSON header line, then the body: JSON lines of parts
 * (see BodyPart), so that no single `JSON.parse` or zod check of a large
 * corpus holds the event loop for long (`loadSnapshot` works in time
 * slices). The header says what the body was built from, so a snapshot that
 * does not fit is rejected before its body is parsed:
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
export const SNAPSHOT_VERSION = 2;

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

/**
 * One line of the body: where a value goes (a path of keys from the body's
 * root) and the value. An object is written as its small members, then each
 * large member on lines of its own; a large array is written in chunks, one
 * line each, appended in order (`chunk` is 1).
 */
type BodyPart = [path: string[], value: unknown, chunk?: 1];

/** Array elements per chunk: numbers are a few bytes each, records a few hundred. */
export const CHUNK = { numbers: 200_000, values: 2_000 };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function chunkSize(array: readonly unknown[], chunk: typeof CHUNK): number {
  return typeof array[0] === 'number' ? chunk.numbers : chunk.values;
}

/** A JSON value as body lines (BodyPart), large members and arrays split out. */
export function encodeBody(value: Record<string, unknown>, chunk: typeof CHUNK = CHUNK): Buffer {
  const lines: string[] = [];
  const visit = (at: string[], object: Record<string, unknown>) => {
    const small: Record<string, unknown> = {};
    const large: string[] = [];
    for (const [key, member] of Object.entries(object)) {
      const big =
        isPlainObject(member) || (Array.isArray(member) && member.length > chunkSize(member, chunk));
      if (big) large.push(key);
      else small[key] = member;
    }
    lines.push(JSON.stringify([at, small] satisfies BodyPart));
    for (const key of large) {
      const member = object[key];
      if (isPlainObject(member)) visit([...at, key], member);
      else {
        const array = member as unknown[];
        const size = chunkSize(array, chunk);
        for (let i = 0; i < array.length; i += size) {
          lines.push(JSON.stringify([[...at, key], array.slice(i, i + size), 1] satisfies BodyPart));
        }
      }
    }
  };
  visit([], value);
  return Buffer.from(lines.join('\n'));
}

/** The snapshot file's bytes: header line, body lines. */
export function serializeSnapshot(content: SnapshotContent): Buffer {
  const sentences = leadingSentences(content.index.docs);
  const body: Body = {
    docs: content.index.docs.slice(sentences),
    facts: content.facts ?? null,
    index: exportIndex(content.index),
  };
  const bodyBytes = encodeBody(body as unknown as Record<string, unknown>);
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

/** The sub-schema at `at` when zod can be walked there (objects, nullable and optional ones), else undefined. */
function schemaAt(schema: z.ZodType, at: readonly string[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of at) {
    while (current instanceof z.ZodNullable || current instanceof z.ZodOptional) {
      current = current.unwrap() as z.ZodType;
    }
    if (!(current instanceof z.ZodObject) || (current._zod.def.checks?.length ?? 0) > 0) return undefined;
    current = current.shape[key] as z.ZodType | undefined;
  }
  return current;
}

class Damaged extends Error {}

/** `value` with the arrays at `paths` emptied (copied along those paths only): what is left to check whole. */
function skeleton(value: unknown, paths: ReadonlyArray<readonly string[]>): unknown {
  const copy = (node: unknown, rest: readonly (readonly string[])[]): unknown => {
    if (rest.some((p) => p.length === 0)) return [];
    if (!isPlainObject(node)) return node;
    const out: Record<string, unknown> = { ...node };
    for (const key of new Set(rest.map((p) => p[0]!))) {
      if (key in out)
        out[key] = copy(
          out[key],
          rest.filter((p) => p[0] === key).map((p) => p.slice(1)),
        );
    }
    return out;
  };
  return copy(value, paths);
}

/**
 * Reads body lines into the value encodeBody wrote, in steps. Each chunk of
 * an array is checked against the schema's part for it as it is read, when
 * zod can be walked there; everything else is checked whole at the end, with
 * the arrays already checked left empty. Throws Damaged, saying where.
 */
export function* decodeBodySteps(body: Buffer, schema: z.ZodType): Steps<Record<string, unknown>> {
  const root: Record<string, unknown> = {};
  const checked = new Map<string, string[]>();
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    if (end < 0) end = body.length;
    let part: unknown;
    try {
      part = JSON.parse(body.subarray(start, end).toString('utf8'));
    } catch (err) {
      throw new Damaged((err as Error).message);
    }
    start = end + 1;
    if (!Array.isArray(part) || !Array.isArray(part[0]) || !part[0].every((k) => typeof k === 'string')) {
      throw new Damaged('not a body line');
    }
    const [at, value, chunk] = part as BodyPart;
    let parent: Record<string, unknown> = root;
    for (const key of at.slice(0, -1)) {
      const next = parent[key];
      if (!isPlainObject(next)) throw new Damaged(`${at.join('.')}: no parent`);
      parent = next;
    }
    const key = at.at(-1);
    if (key === undefined) {
      if (!isPlainObject(value)) throw new Damaged('not a body');
      Object.assign(root, value);
    } else if (chunk === 1) {
      if (!Array.isArray(value)) throw new Damaged(`${at.join('.')}: chunk is not an array`);
      parent[key] ??= [];
      const array = parent[key] as unknown[];
      if (!Array.isArray(array)) throw new Damaged(`${at.join('.')}: chunk of a non-array`);
      const partSchema = schemaAt(schema, at);
      if (partSchema) {
        const result = partSchema.safeParse(value);
        if (!result.success) {
          const issue = result.error.issues[0]!;
          const [first, ...rest] = issue.path;
          const where = [...at, ...(typeof first === 'number' ? [array.length + first, ...rest] : [])];
          throw new Damaged(`${where.join('.')}: ${issue.message}`);
        }
        checked.set(at.join('\0'), at);
      }
      for (const item of value) array.push(item);
    } else {
      parent[key] = value;
    }
    yield;
  }
  const rest = schema.safeParse(skeleton(root, [...checked.values()]));
  if (!rest.success) throw new Damaged(firstIssue(rest.error));
  return root;
}

/** Reads body lines at once (see decodeBodySteps): the value, or where it does not fit `schema`. */
export function decodeBody(
  body: Buffer,
  schema: z.ZodType = z.unknown(),
): { value: Record<string, unknown> } | { reason: string } {
  try {
    return { value: drive(decodeBodySteps(body, schema)) };
  } catch (err) {
    if (err instanceof Damaged) return { reason: err.message };
    throw err;
  }
}

/** The body's checksum, a few megabytes at a time. */
function* sha1Steps(body: Buffer): Steps<string> {
  const hash = createHash('sha1');
  for (let at = 0; at < body.length; at += 4 << 20) {
    hash.update(body.subarray(at, at + (4 << 20)));
    yield;
  }
  return hash.digest('hex');
}

/** parseSnapshot in steps (loadSnapshot drives them in time slices). */
function* parseSteps<F>(
  bytes: Buffer,
  expected: SnapshotExpectation,
  factsSchema?: z.ZodType<F>,
): Steps<LoadResult<F>> {
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
  if ((yield* sha1Steps(body)) !== header.bodySha1) return damaged('damaged body (checksum mismatch)');
  try {
    // The checksum only says the bytes are the ones written: what was written is checked whole.
    const schema = z.object({
      docs: z.array(docSchema),
      facts: factsSchema ? factsSchema.nullable() : z.unknown(),
      index: indexDataSchema,
    });
    // The value as stored, not zod's copy: that drops keys a schema does not name.
    const parsed = (yield* decodeBodySteps(body, schema)) as unknown as Body;
    const docs = [...expected.sentenceDocs, ...parsed.docs];
    if (docs.length !== header.documents) return damaged('damaged body (document count)');
    const index = yield* importIndexSteps(parsed.index, docs);
    if (index.mini.documentCount !== docs.length) return damaged('damaged body (index and documents differ)');
    return { index, facts: (parsed.facts ?? null) as F | null, header, ms: performance.now() - started };
  } catch (err) {
    return damaged(`damaged body (${(err as Error).message})`);
  }
}

/** Parses a snapshot's bytes at once; everything that does not fit is a reason, never an exception. */
export function parseSnapshot<F = unknown>(
  bytes: Buffer,
  expected: SnapshotExpectation,
  factsSchema?: z.ZodType<F>,
): LoadResult<F> {
  return drive(parseSteps(bytes, expected, factsSchema));
}

/** Longest stretch of a snapshot load between two yields to the event loop, in ms. */
const LOAD_SLICE_MS = 10;

/**
 * Loads the snapshot in `file` when it was made from this corpus (and fact
 * extractor) by this code; otherwise says why not, and the caller rebuilds.
 * It works in time slices, so the event loop keeps answering meanwhile.
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
  const result = await driveAsync(parseSteps<F>(bytes, expected, factsSchema), LOAD_SLICE_MS);
  return 'reason' in result ? result : { ...result, ms: performance.now() - started };
}

/** Where the snapshot of a corpus folder lives by default: the git-ignored cache, one file per folder. */
export function defaultSnapshotPath(corpusDir: string, root: string = process.cwd()): string {
  const absolute = path.resolve(root, corpusDir);
  const id = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  return path.join(root, '.cache', 'index', `${path.basename(absolute) || 'corpus'}-${id}.snapshot`);
}
