/**
 * `npm run render:reply`: the picture of a reply in the README (docs/reply.png).
 *
 * It builds the engine over seeds/, answers one question through the bot's own
 * path (ask, then renderAnswer, as src/discord/reply.ts does), lays the Discord
 * message out as an SVG the way Discord draws an embed, and rasterises it with
 * resvg and the bundled Inter font (as src/render/chart.ts does), so the
 * picture is of a real reply, never a drawing of one.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIButtonComponent, APIEmbed } from 'discord.js';
import { ask } from '../src/answer/ask.js';
import { createEngine } from '../src/engine.js';
import { FONT_FAMILY, RESVG_FONT } from '../src/render/chart.js';
import { type DiscordMessage, renderAnswer } from '../src/render/discord.js';

export const QUESTION = 'Who met Tokayev?';
export const WIDTH = 1000;
const OUT = 'docs/reply.png';
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Discord's dark theme. */
const THEME = {
  background: '#313338',
  embed: '#2b2d31',
  title: '#f2f3f5',
  text: '#dbdee1',
  muted: '#b5bac1',
  link: '#00a8fc',
  quoteBar: '#4e5058',
  secondary: '#4e5058',
  primary: '#5865f2',
};

const PAD = 20;
const AVATAR = 44;
const EMBED_X = PAD + AVATAR + 16;
const EMBED_W = WIDTH - EMBED_X - PAD;
const INNER = 16;
const SIZE = { name: 17, title: 18, text: 16, footer: 13, button: 15 };
const LINE = 1.4;

/** Inter's average advance is about 0.55 em; a little more keeps wrapped lines inside the embed. */
function textWidth(text: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of text)
    em += ch === ' ' ? 0.28 : /[A-Z0-9@%]/.test(ch) ? 0.66 : /[il.,:;'|!]/.test(ch) ? 0.3 : 0.56;
  return em * size * (bold ? 1.05 : 1);
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Word = { text: string; bold: boolean; link: boolean };

/** The markdown renderAnswer writes: **bold**, [text](url) links, backslash escapes. */
function words(line: string): Word[] {
  const out: Word[] = [];
  let bold = false;
  const re = /\*\*|\[([^\]]+)\]\(([^)\s]+)\)|\\(.)|(\s+)|([^*[\\\s]+|[*[\\])/g;
  let current: Word | null = null;
  const push = (text: string, link: boolean) => {
    if (current && current.bold === bold && current.link === link) current.text += text;
    else {
      current = { text, bold, link };
      out.push(current);
    }
  };
  for (const m of line.matchAll(re)) {
    if (m[0] === '**') bold = !bold;
    else if (m[1] !== undefined) push(m[1], true);
    else if (m[3] !== undefined) push(m[3], false);
    else if (m[4] !== undefined) {
      out.push({ text: ' ', bold, link: false });
      current = null;
    } else push(m[0], false);
  }
  return out;
}

/** Words into lines no wider than `width`; each line a list of runs. */
function wrap(line: string, width: number, size: number, boldAll = false): Word[][] {
  const lines: Word[][] = [[]];
  let used = 0;
  for (const w of words(line)) {
    const bold = boldAll || w.bold;
    const wide = textWidth(w.text, size, bold);
    const last = lines[lines.length - 1]!;
    if (w.text === ' ') {
      if (used > 0) {
        last.push({ ...w, bold });
        used += wide;
      }
      continue;
    }
    if (used + wide > width && used > 0) {
      while (last.length > 0 && last[last.length - 1]!.text === ' ') last.pop();
      lines.push([{ ...w, bold }]);
      used = wide;
    } else {
      last.push({ ...w, bold });
      used += wide;
    }
  }
  return lines;
}

function textLine(words: Word[], x: number, y: number, size: number, colour: string): string {
  // Neighbouring words of one style are one span, so a line's text reads as one string in the SVG.
  const runs: Word[] = [];
  for (const w of words) {
    const last = runs[runs.length - 1];
    if (last && last.bold === w.bold && last.link === w.link) last.text += w.text;
    else runs.push({ ...w });
  }
  const spans = runs
    .map((r) => {
      const attrs = [r.bold ? ' font-weight="600"' : '', r.link ? ` fill="${THEME.link}"` : ''].join('');
      return attrs ? `<tspan${attrs}>${escapeXml(r.text)}</tspan>` : escapeXml(r.text);
    })
    .join('');
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${colour}" xml:space="preserve">${spans}</text>`;
}

/** A block of text (markdown lines), from `y`; returns the SVG and the y below it. */
function block(
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  colour: string,
  bold = false,
): { svg: string; y: number } {
  const parts: string[] = [];
  const step = Math.round(size * LINE);
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') {
      y += Math.round(step / 2);
      continue;
    }
    const quote = raw.startsWith('> ');
    const line = quote ? raw.slice(2) : raw;
    const left = quote ? x + 14 : x;
    const top = y;
    for (const runs of wrap(line, width - (left - x), size, bold)) {
      y += step;
      parts.push(textLine(runs, left, y - Math.round(step * 0.28), size, colour));
    }
    if (quote)
      parts.push(
        `<rect x="${x}" y="${top + 4}" width="4" height="${y - top - 2}" rx="2" fill="${THEME.quoteBar}"/>`,
      );
  }
  return { svg: parts.join('\n'), y };
}

function buttonLabel(b: APIButtonComponent): string {
  const label = 'label' in b && b.label ? b.label : '';
  // Inter has no emoji: the vote buttons are drawn with words of the same meaning.
  const emoji =
    'emoji' in b && b.emoji?.name ? ({ '👍': '+1', '👎': '−1' }[b.emoji.name] ?? b.emoji.name) : '';
  return [emoji, label].filter((s) => s !== '').join(' ');
}

function colour(embed: APIEmbed): string {
  return `#${(embed.color ?? 0x1e1f22).toString(16).padStart(6, '0')}`;
}

/** A Discord message as an SVG: the bot's name, each embed (bar, title, description, fields, footer), the buttons. */
export function messageSvg(message: DiscordMessage, botName = 'citebot'): string {
  const parts: string[] = [];
  let y = PAD;
  parts.push(
    `<circle cx="${PAD + AVATAR / 2}" cy="${y + AVATAR / 2}" r="${AVATAR / 2}" fill="${THEME.primary}"/>`,
  );
  parts.push(
    `<text x="${PAD + AVATAR / 2}" y="${y + AVATAR / 2 + 7}" font-size="20" font-weight="600" fill="#ffffff" text-anchor="middle">c</text>`,
  );
  const nameWidth = textWidth(botName, SIZE.name, true);
  parts.push(
    `<text x="${EMBED_X}" y="${y + 17}" font-size="${SIZE.name}" font-weight="600" fill="${THEME.title}">${escapeXml(botName)}</text>`,
  );
  parts.push(
    `<rect x="${EMBED_X + nameWidth + 8}" y="${y + 2}" width="34" height="18" rx="4" fill="${THEME.primary}"/>`,
    `<text x="${EMBED_X + nameWidth + 25}" y="${y + 15}" font-size="11" font-weight="600" fill="#ffffff" text-anchor="middle">APP</text>`,
  );
  y += 28;
  if (message.content) {
    const b = block(message.content, EMBED_X, y, EMBED_W, SIZE.text, THEME.text);
    parts.push(b.svg);
    y = b.y + 8;
  }
  for (const embed of message.embeds) {
    const top = y;
    const inner: string[] = [];
    const x = EMBED_X + 4 + INNER;
    const width = EMBED_W - 4 - 2 * INNER;
    y += INNER - 4;
    if (embed.title) {
      const b = block(embed.title, x, y, width, SIZE.title, THEME.title, true);
      inner.push(b.svg);
      y = b.y + 8;
    }
    if (embed.description) {
      const b = block(embed.description, x, y, width, SIZE.text, THEME.text);
      inner.push(b.svg);
      y = b.y + 8;
    }
    for (const field of embed.fields ?? []) {
      const name = block(field.name, x, y, width, SIZE.text, THEME.title, true);
      const value = block(field.value, x, name.y, width, SIZE.text, THEME.text);
      inner.push(name.svg, value.svg);
      y = value.y + 8;
    }
    if (embed.footer?.text) {
      const b = block(embed.footer.text, x, y, width, SIZE.footer, THEME.muted);
      inner.push(b.svg);
      y = b.y;
    }
    y += INNER;
    parts.push(
      `<rect x="${EMBED_X}" y="${top}" width="${EMBED_W}" height="${y - top}" rx="4" fill="${THEME.embed}"/>`,
      `<rect x="${EMBED_X}" y="${top}" width="4" height="${y - top}" fill="${colour(embed)}"/>`,
      ...inner,
    );
    y += 8;
  }
  for (const row of message.components) {
    let x = EMBED_X;
    y += 4;
    for (const b of row.components) {
      const label = buttonLabel(b);
      const w = Math.round(textWidth(label, SIZE.button, true) + 32);
      if (x + w > WIDTH - PAD) {
        x = EMBED_X;
        y += 44;
      }
      const fill = b.style === 1 ? THEME.primary : THEME.secondary;
      const opacity = 'disabled' in b && b.disabled ? ' opacity="0.5"' : '';
      parts.push(
        `<g${opacity}><rect x="${x}" y="${y}" width="${w}" height="36" rx="4" fill="${fill}"/>`,
        `<text x="${x + w / 2}" y="${y + 23}" font-size="${SIZE.button}" font-weight="600" fill="#ffffff" text-anchor="middle">${escapeXml(label)}</text></g>`,
      );
      x += w + 8;
    }
    y += 40;
  }
  const height = y + PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${WIDTH}" height="${height}" fill="${THEME.background}"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The SVG as a PNG, with the bundled Inter font only (no system fonts, so every machine draws it alike). */
export async function rasterise(svg: string): Promise<Buffer> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    font: RESVG_FONT,
    fitTo: { mode: 'width', value: WIDTH },
  });
  return image.asPng();
}

/** The message the bot sends for `question` over seeds/, with its paging and vote buttons. */
export async function replyTo(question: string): Promise<DiscordMessage> {
  const engine = await createEngine({ corpusDir: 'seeds', root: ROOT, sourceBaseUrl: null });
  if ('error' in engine) throw new Error(`render-reply: ${engine.error}`);
  return renderAnswer(ask(engine, question), { key: 'readme', feedbackId: 'readme' });
}

async function main(): Promise<void> {
  const svg = messageSvg(await replyTo(QUESTION));
  const png = await rasterise(svg);
  writeFileSync(new URL(`../${OUT}`, import.meta.url), png);
  console.log(`wrote ${OUT} (${png.length} bytes) for "${QUESTION}"`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
