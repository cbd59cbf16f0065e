import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  MessageFlags,
  TextInputStyle,
} from 'discord.js';
import { sourceLabel } from '../answer/links.js';
import type { Answer, Citation, FactLine, SourceRef } from '../answer/types.js';
import { REASON_MAX } from '../feedback/store.js';
import { contextId, pageId, postId, reasonModalId, voteId } from './customId.js';

/** What is rendered: an answer, of whatever kinds of fact. */
type Shown = Answer<FactLine>;

/** Discord's limits on a message (see ../shared/DISCORD.md). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  label: 80,
} as const;

// The budgets below keep the answer (≤ ANSWER_MAX_WITH_ENTRIES) plus the largest entry (a quote
// of ≤ QUOTE_MAX with SOURCES_SHOWN sources of ≤ LABEL_MAX + URL_MAX) under a description's 4096
// characters, so every entry fits on a page of its own and nothing is ever cut mid-link.

/** Most quotes on one page: more make a wall of text; the rest are a click away. */
export const QUOTES_PER_PAGE = 5;
export const FACTS_PER_PAGE = 8;
/** A quoted sentence longer than this is trimmed at a word boundary. */
export const QUOTE_MAX = 700;
const STATEMENT_MAX = 300;
/** Sources listed under one quote or fact; the rest are counted. */
const SOURCES_SHOWN = 3;
const LABEL_MAX = 120;
/** The answer's share of a page that also holds quotes or facts. */
const ANSWER_MAX_WITH_ENTRIES = 1000;
/** Longer links are shown as plain `file:line` rather than eat a page. */
const URL_MAX = 400;
const NOTICE_MAX = 1800;
const COLOUR = 0x3b82f6;

export type AllowedMentions = { parse: [] };

/** A file sent with a message (the trade chart), shown in the embed through `attachment://name`. */
export interface MessageFile {
  name: string;
  data: Buffer;
  /** Alt text, up to 1024 characters. */
  description: string;
}

/** A reply as discord.js sends it: every message citebot sends is one of these. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /**
   * Ephemeral for private replies; SuppressEmbeds on text replies. An embed
   * reply carries no SuppressEmbeds: its links never unfurl, and the flag
   * would hide the embed itself.
   */
  flags: number;
  allowedMentions: AllowedMentions;
  files?: MessageFile[];
}

export interface RenderOptions {
  /** 0-based page; out of range shows the nearest page. */
  page?: number;
  /** Ephemeral, with a "Post to channel" button. */
  private?: boolean;
  /** Key of the shown answer (see src/discord/shown.ts); without it, no paging or posting buttons. */
  key?: string | null;
  /** The answer's id in the feedback database: with it, 👍 / 👎 buttons. */
  feedbackId?: string | null;
  /** Files to send with it; the first is the embed's image. */
  files?: readonly MessageFile[];
  /** The embed's image when no file is sent (a page of an answer whose chart is already on the message). */
  image?: string | null;
}

/** The custom id of the reason field in the 👎 form. */
export const REASON_FIELD = 'reason';

/** 👍 and 👎 on an answer. */
function voteButtons(feedbackId: string): APIButtonComponent[] {
  return (['up', 'down'] as const).map((vote) => ({
    type: ComponentType.Button,
    custom_id: voteId(feedbackId, vote),
    emoji: { name: vote === 'up' ? '👍' : '👎' },
    style: ButtonStyle.Secondary,
  }));
}

/** The form a 👎 opens: one optional short reason. */
export function renderReasonModal(feedbackId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: reasonModalId(feedbackId),
    title: 'What was wrong with this answer?',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: REASON_FIELD,
            label: 'Reason (optional)',
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: REASON_MAX,
            placeholder: 'Wrong quote, missing article, outdated figure…',
          },
        ],
      },
    ],
  };
}

/** No pings, ever: quoted articles and echoed queries can hold `@everyone` or `<@&role>`. */
export const NO_MENTIONS: AllowedMentions = { parse: [] };

/** Control characters but tab and newline: invisible at best, refused or garbling at worst. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
/** A surrogate half without its pair (the u flag makes a whole pair one code point, which never matches). */
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

/**
 * Text Discord can store and show as it is: an unpaired surrogate (not
 * encodable as UTF-8) becomes U+FFFD, and control characters go.
 */
export function printable(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL_CHARS, '');
}

/** Every character (and line start) that escapeMarkdown acts on: text without one comes back unchanged. */
const MARKDOWN = /[`*_~|\\#[]|^ *(?:-|\d+\.)/m;

/**
 * Text from users or articles, made inert: printable, markdown escaped (so a
 * quote looks as written) and mention syntax broken with a zero-width space
 * (so it shows as text, not as a ping or a role pill).
 */
export function safeText(text: string): string {
  const shown = printable(text);
  // Most sentences hold nothing escapeMarkdown acts on, and it is the dearest step of a reply.
  const escaped = MARKDOWN.test(shown)
    ? escapeMarkdown(shown, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    : shown;
  return escaped
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2')
    .replace(/<(?=[@#:/]|a:|t:|id:)/g, '<\u200b')
    .replace(/@(?=everyone|here)/gi, '@\u200b');
}

/** Cuts a string at `at` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, at: number): string {
  const code = text.charCodeAt(at - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? at - 1 : at);
}

/** Trims text to at most `max` characters at a word boundary, with an ellipsis. */
export function trimAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const head = cut(text, max - 1);
  const space = head.search(/\s\S*$/);
  const atWord = space >= max / 2 ? head.slice(0, space) : head;
  return `${atWord.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** `safeText` of `text`, trimmed at a word boundary so that the escaped form fits in `max`. */
export function fitText(text: string, max: number): string {
  let budget = max;
  for (;;) {
    const shown = safeText(trimAtWord(text, budget));
    if (shown.length <= max || budget <= 1) return shown.length <= max ? shown : '';
    budget = Math.max(1, budget - (shown.length - max) - 1);
  }
}

function linkable(url: string | null): url is string {
  return url !== null && url.length <= URL_MAX && /^https?:\/\/[^\s<>]+$/i.test(url);
}

/** One source: a link (or `file:line`) with the article's date next to it. */
function sourceText(ref: SourceRef): string {
  // Brackets would end the link text early.
  const label = fitText(sourceLabel(ref), LABEL_MAX).replace(/(?<!\\)[[\]]/g, '\\$&');
  const where = linkable(ref.url)
    ? `[${label}](${ref.url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`
    : label;
  return ref.date ? `${where} (${safeText(ref.date)})` : where;
}

function sourcesLine(refs: readonly SourceRef[], most = SOURCES_SHOWN): string {
  const distinct = refs.filter(
    (ref, i) => refs.findIndex((other) => other.file === ref.file && other.line === ref.line) === i,
  );
  const shown = distinct.slice(0, most).map(sourceText);
  const more = distinct.length - shown.length;
  return more > 0 ? `${shown.join(' · ')} · and ${more} more` : shown.join(' · ');
}

interface Entry {
  kind: 'fact' | 'quote';
  text: string;
  citation?: Citation;
}

function factEntry(fact: FactLine): Entry {
  const sources = fact.sources.length > 0 ? ` — ${sourcesLine(fact.sources)}` : '';
  return { kind: 'fact', text: `• **${fitText(fact.statement, STATEMENT_MAX)}**${sources}` };
}

function quoteEntry(citation: Citation): Entry {
  const quote = fitText(citation.text.replace(/\s+/g, ' ').trim(), QUOTE_MAX);
  const also = citation.also.length > 0 ? `; also ${sourcesLine(citation.also, SOURCES_SHOWN - 1)}` : '';
  return {
    kind: 'quote',
    text: `> **[${citation.n}]** ${quote}\n— ${sourceText(citation)}${also}`,
    citation,
  };
}

/** The facts, then the quotes, of an answer, as text blocks. */
function entries(answer: Shown): Entry[] {
  return [...answer.facts.map(factEntry), ...answer.citations.map(quoteEntry)];
}

function header(answer: Shown, withEntries: boolean): string {
  return fitText(answer.answer, withEntries ? ANSWER_MAX_WITH_ENTRIES : LIMITS.description - 96);
}

/**
 * Splits an answer's facts and quotes into pages that each fit one embed
 * description under the answer: at most QUOTES_PER_PAGE quotes and
 * FACTS_PER_PAGE facts a page. Always at least one page.
 */
function paginate(answer: Shown): Entry[][] {
  const all = entries(answer);
  const room = LIMITS.description - header(answer, all.length > 0).length - 2;
  const pages: Entry[][] = [];
  let page: Entry[] = [];
  let used = 0;
  for (const entry of all) {
    const quotes = page.filter((e) => e.kind === 'quote').length;
    const facts = page.length - quotes;
    const size = entry.text.length + 2;
    const full =
      used + size > room ||
      (entry.kind === 'quote' && quotes >= QUOTES_PER_PAGE) ||
      (entry.kind === 'fact' && facts >= FACTS_PER_PAGE);
    if (full && page.length > 0) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(entry);
    used += size;
  }
  pages.push(page);
  return pages;
}

/** How many pages an answer takes on Discord. */
export function pageCount(answer: Shown): number {
  return answer.found ? paginate(answer).length : 1;
}

function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

function footer(answer: Shown, page: number, pages: number): string {
  const parts: string[] = [];
  if (answer.matched > 0) {
    parts.push(`${answer.matched} sentence${answer.matched === 1 ? '' : 's'} matched`);
  }
  const took = formatMs(answer.tookMs);
  if (took && (answer.matched > 0 || answer.tookMs >= 0.05)) parts.push(`took ${took}`);
  if (pages > 1) parts.push(`page ${page + 1} of ${pages}`);
  return parts.length > 0 ? parts.join(' · ') : 'citebot';
}

function title(answer: Shown): string {
  const query = answer.query.replace(/\s+/g, ' ').trim();
  return query === '' ? `/${answer.command}` : fitText(query, LIMITS.title);
}

function button(
  custom_id: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id, label, style, disabled };
}

function row(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: buttons };
}

function fileName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** The paragraph around a cited line (`/source`, Show context): one quote block, the line itself in bold. */
function contextDescription(answer: Shown): string {
  const target = answer.citations.find((c) => c.score > 0) ?? answer.citations[0];
  if (!target) return header(answer, false);
  const others = answer.citations.length - 1;
  const targetMax = 1500;
  const otherMax = others > 0 ? Math.floor((LIMITS.description - targetMax - 800) / others) : 0;
  const sentences = answer.citations.map((c) =>
    c === target ? `**${fitText(c.text, targetMax - 4)}**` : fitText(c.text, otherMax),
  );
  return `> ${sentences.join(' ')}\n— ${sourceText(target)}`;
}

/**
 * An answer as a Discord message: an embed with the answer, its facts, its
 * numbered quotes with their sources, and a footer; buttons to page, to post a
 * private answer to the channel, and to show a quote's context. A "not found"
 * answer is a short private notice instead. Every limit of LIMITS holds for any
 * answer (test/render/discord.property.test.ts).
 */
export function renderAnswer(answer: Shown, options: RenderOptions = {}): DiscordMessage {
  if (!answer.found) {
    const notice = renderNotice(answer.answer);
    if (options.feedbackId) notice.components = [row(voteButtons(options.feedbackId))];
    return notice;
  }
  const key = options.key ?? null;
  const isContext = answer.command === 'source';
  const pages = isContext ? [[]] : paginate(answer);
  const page = Math.min(Math.max(0, Math.trunc(options.page ?? 0)), pages.length - 1);
  const shown = pages[page] ?? [];
  const target = isContext ? (answer.citations.find((c) => c.score > 0) ?? answer.citations[0]) : undefined;

  const description = isContext
    ? contextDescription(answer)
    : [header(answer, shown.length > 0), ...shown.map((e) => e.text)].filter((t) => t !== '').join('\n\n');
  const embed: APIEmbed = {
    title: target ? fitText(sourceLabel(target), LIMITS.title) : title(answer),
    description: cut(description, LIMITS.description) || '…',
    color: COLOUR,
    footer: { text: footer(answer, page, pages.length) },
  };
  const files = options.files ?? [];
  const image = files[0] ? `attachment://${files[0].name}` : (options.image ?? null);
  if (image) embed.image = { url: image };

  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const controls: APIButtonComponent[] = [];
  if (key !== null && pages.length > 1) {
    controls.push(
      button(pageId(key, page - 1 < 0 ? 0 : page - 1, 'p'), '◀ Prev', ButtonStyle.Secondary, page === 0),
    );
    controls.push(
      button(
        pageId(key, Math.min(page + 1, pages.length - 1), 'n'),
        'Next ▶',
        ButtonStyle.Secondary,
        page === pages.length - 1,
      ),
    );
  }
  if (key !== null && options.private)
    controls.push(button(postId(key, page), 'Post to channel', ButtonStyle.Primary));
  // At most 3 buttons above, so 👍 / 👎 always fit in the row (5 a row).
  if (options.feedbackId) controls.push(...voteButtons(options.feedbackId));
  if (controls.length > 0) rows.push(row(controls));

  if (!isContext) {
    const context: APIButtonComponent[] = [];
    const ids = new Set<string>();
    for (const { citation } of shown) {
      const id = citation ? contextId(fileName(citation.file), citation.line) : null;
      // Discord refuses two components with one id (two quotes of one line).
      if (!citation || id === null || ids.has(id) || context.length >= LIMITS.buttonsPerRow) continue;
      ids.add(id);
      context.push(button(id, `Show context [${citation.n}]`, ButtonStyle.Secondary));
    }
    if (context.length > 0) rows.push(row(context));
  }

  // The links are inside the embed, which Discord never unfurls; SuppressEmbeds would hide the embed itself.
  return {
    embeds: [embed],
    components: rows,
    flags: options.private ? MessageFlags.Ephemeral : 0,
    allowedMentions: NO_MENTIONS,
    ...(files.length > 0 ? { files: [...files] } : {}),
  };
}

/**
 * A short text reply (not found, a bad option, an error, a refusal): private
 * by default, links never unfurled, text made inert unless it is our own.
 */
export function renderNotice(
  text: string,
  options: { private?: boolean; escape?: boolean } = {},
): DiscordMessage {
  const content =
    options.escape === false ? trimAtWord(printable(text), LIMITS.content) : fitText(text, NOTICE_MAX) || '…';
  return {
    content,
    embeds: [],
    components: [],
    flags: (options.private === false ? 0 : MessageFlags.Ephemeral) | MessageFlags.SuppressEmbeds,
    allowedMentions: NO_MENTIONS,
  };
}
