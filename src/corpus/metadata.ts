import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let yaml: Yaml | undefined;
/**
 * The YAML parser, loaded the first time an article has front matter: many
 * corpora have none, and loading it is a tenth of a cold start's CPU.
 */
const parseYaml = (text: string): unknown => {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml.parse(text);
};

export interface ArticleMeta {
  title: string | null;
  /** ISO date (YYYY-MM-DD) of the article, when the file gives one. */
  date: string | null;
  url: string | null;
  source: string | null;
  /**
   * The original article's address, where citations link: `url`, else `source`, when it is a plain
   * http(s) URL that is safe to put in a Discord link (see `safeLink`); else null.
   */
  link: string | null;
}

export interface MetaSplit {
  meta: ArticleMeta;
  /** The file's lines with metadata blanked out, so line numbers stay true. */
  lines: string[];
}

const DATE_LINE =
  /^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)/i;

/** A calendar date check: 2025-02-30 is not a date. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toIsoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const head = value.trim().slice(0, 10);
  return isIsoDate(head) ? head : null;
}

/** Longest original-article address linked; a longer one is more likely junk or an attack than a page. */
export const LINK_MAX = 300;

/** Spaces, control and format characters (bidi overrides, zero-width), and what ends or nests a markdown link. */
const UNSAFE_IN_LINK =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is its job
  /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff<>[\]`"\\{}|^]/u;

/**
 * A front-matter address as a link, or null when it is not one to follow: only http(s) with a host and
 * no credentials, at most LINK_MAX characters, with no spaces, control characters or the characters that
 * end or nest a markdown link (`<>[]` backtick, quote, backslash). What it keeps is normalised by the
 * URL parser and has `(`, `)`, `*`, `'` percent-encoded, so it cannot close a Discord `[label](url)`.
 */
export function safeLink(raw: string | null): string | null {
  if (raw === null || raw.length > LINK_MAX || UNSAFE_IN_LINK.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  const href = url.href.replace(/[()*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return href.length <= LINK_MAX ? href : null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** One `key: value` line of a front-matter block, the value as written (colons in it included). */
const PLAIN_FIELD = /^([A-Za-z_][\w-]*):\s?(.*)$/;

/**
 * A front-matter block as YAML, or, when it is not valid YAML only because a
 * value holds a colon ("title: Montenegro in Luanda: Lisbon bets on gas", as
 * people write them), as plain `key: value` lines. Anything else throws.
 */
function parseFrontMatter(block: readonly string[]): unknown {
  try {
    return parseYaml(block.join('\n'));
  } catch (err) {
    const fields = block.filter((l) => l.trim() !== '').map((l) => PLAIN_FIELD.exec(l));
    if (fields.length === 0 || fields.some((m) => m === null)) throw err;
    return Object.fromEntries(fields.map((m) => [m![1]!, m![2]!.trim()]));
  }
}

/**
 * Reads an article's metadata: an optional YAML front-matter block
 * (`title`, `date`, `url`, `source`) and an optional first (or second,
 * after a title) content line starting with ` date YYYY-MM-DD`, whose
 * remaining text is content.
 */
export function splitMetadata(rawLines: readonly string[]): MetaSplit {
  const lines = [...rawLines];
  const meta: ArticleMeta = { title: null, date: null, url: null, source: null, link: null };
  let first = 0;

  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) {
      try {
        const block = lines.slice(1, close);
        const data: unknown = parseFrontMatter(block);
        if (data && typeof data === 'object') {
          const record = data as Record<string, unknown>;
          meta.title = text(record.title);
          meta.date = toIsoDate(record.date);
          meta.url = text(record.url);
          meta.source = text(record.source);
          meta.link = safeLink(meta.url) ?? safeLink(meta.source);
        }
        for (let i = 0; i <= close; i++) lines[i] = '';
        first = close + 1;
      } catch {
        // Not YAML after all: leave the lines as content.
      }
    }
  }

  // The date line comes first, or second after a title line (the title stays content).
  const content = (from: number) => {
    let i = from;
    while (i < lines.length && lines[i]!.trim() === '') i++;
    return i;
  };
  const firstLine = content(first);
  for (const at of [firstLine, content(firstLine + 1)]) {
    const line = lines[at];
    const m = line === undefined ? null : DATE_LINE.exec(line);
    if (line !== undefined && m && isIsoDate(m[1]!)) {
      meta.date ??= m[1]!;
      lines[at] = line.slice(m[0].length);
      break;
    }
  }
  return { meta, lines };
}
