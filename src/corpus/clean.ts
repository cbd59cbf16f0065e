/**
 * Recognises lines that are page furniture rather than article content:
 * photo credits, social-media prompts, comment counters, share buttons,
 * menus, datelines of the page, reading times and the like. The rules
 * describe the shape of such lines, so they apply to articles from any site.
 */

/** Furniture lines are short; a long line is content even if it starts like one. */
const MAX_FURNITURE_CHARS = 200;

const SOCIAL =
  /\b(instagram|twitter|facebook|telegram|youtube|tiktok|linkedin|whatsapp|threads|bluesky|vk|rss|newsletter|channel|x\.com)\b/i;

/** A list marker before a line's text: `• Share`, `- Home`. */
const MARKER = /^(?:[-•*·▪●◦‣]\s*)+/;

const FURNITURE_RULES: readonly RegExp[] = [
  // "Photo: Akorda", "Photo credit - Reuters", "Image: …", "Video: …", "Photos by …"
  /^(photo|photos|image|images|picture|pictures|video|illustration|credit|credits)(\s+credits?)?\s*[:|–—-]/i,
  /^\(?(photos?|images?|pictures?|video)\s*(by|courtesy|credit|:)/i,
  // A byline ("By Jane Doe | June 3, 2025") is kept: it names the writer and often the date.
  // A caption: "Lao Prime Minister at the airport (Photo: VNA)"
  /\((photo|image|video)s?\s*:[^)]*\)[\s|]*$/i,
  // "Detail>>>", "More >>"
  />{2,}\s*$/,
  // "Comments (0)", "12 comments", "Comments", "No comments:", "Post a Comment", "Leave a reply"
  /^(comments?\s*(\(\d+\))?|\d+\s+comments?)$/i,
  /^(no comments?|post a comment|leave a (comment|reply)|add a? ?comment)\b/i,
  // "Share", "Share this:", "Share on Facebook", "Share on social networks :", "Tweet", "Print:", "Email"
  /^(share|tweet|print|e-?mail|copy link)(\s+(this|on|via|the)\b.*)?\s*:?$/i,
  // "Read more: …", "Also read: …", "Related: …", "Advertisement"
  /^(read more|read also|also read|see also|related( articles?| news| stories)?|advertisement|sponsored)\b\s*:?/i,
  // "© 2024 Agency", "Copyright …", "All rights reserved"
  /^(©|\(c\)\s|copyright\b|all rights reserved)/i,
  // "Tags: …", "Keywords: …", "#Kazakhstan #Tajikistan"
  /^(tags?|keywords?|topics?)\s*:/i,
  /^(#[\p{L}\p{N}_]+\s*){2,}$/u,
  // "Back to top button", "Scroll to top"
  /^(back|scroll|go) to (the )?top\b/i,
  // "2 min reading time", "3 minute read", "6450 views", "1 of 19"
  /^\d[\d,.]*\s+(min|mins|minutes?)\s+(read|reading time)$/i,
  /^\d[\d,.]*\s+(views?|shares?|likes?|reads?)\b/i,
  /^\d+\s+(of|\/)\s+\d+$/i,
  // "Source: Agency", "(Source: VNA) ."
  /^\(?source\s*:[^.!?]*\)?\s*\.?$/i,
  // "You might also like", "More from …", "Most read", "Latest news"
  /^(you (might|may) also like|more (from|on|in)\b|most (read|popular|viewed)|latest news|top stories)\b/i,
];

/** Words a line holding only a date or a time may have. */
const DATE_WORDS =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|utc|gmt|am|pm|updated|published|posted|on|at)$/i;

/** A line that is only a date or a time ("15/05/2023", "20 August 2018 16:00 (UTC+04:00)", "Tuesday, 2 July 2024"). */
function isDateOnly(text: string): boolean {
  if (!/\d/.test(text)) return false;
  const words = text.match(/\p{L}+/gu) ?? [];
  // Time zones in capitals ("UTC+3 MSK") too.
  return words.every((w) => DATE_WORDS.test(w) || /^\p{Lu}{2,4}$/u.test(w));
}

/** A menu: at least three short items between `|`, `•` or `·` ("Help | Sitemap | Archive"). */
function isMenu(text: string): boolean {
  const items = text.split(/\s+[|•·]\s+|\s[|•·]|[|•·]\s/).filter((i) => i.trim() !== '');
  if (items.length < 2 || !/[|•·]/.test(text)) return false;
  return items.every((i) => i.trim().split(/\s+/).length <= 4 && !/[.!?]$/.test(i.trim()));
}

/**
 * A line of tokens of at most three characters ("Mo Tu We Th Fr Sa Su",
 * "1 2 3 4 5"): a calendar or a pager.
 */
function isGrid(text: string): boolean {
  const tokens = text.split(/\s+/);
  return tokens.length >= 5 && tokens.every((t) => t.length <= 3);
}

/** Words a caption needs to be a sentence of the article rather than a credit ("Photo: Akorda press service"). */
const MIN_CAPTION_WORDS = 8;

/**
 * A photo caption that is a sentence: "Photo: Ambassador Jane Roe at the embassy in Lima." names people
 * the article may not name again. Its credit prefix and a trailing "(Photo: …)" do not count as words.
 */
function isCaptionSentence(text: string): boolean {
  const body = text
    .replace(/^(?:photo|image|picture)s?(?:\s+caption)?\s*[:|–—-]\s*/i, '')
    .replace(/\s*\((?:photo|image|video)s?\b[^)]*\)[\s|]*$/i, '');
  return (
    body !== text &&
    /^\p{Lu}/u.test(body) &&
    /[.!?]/.test(body) &&
    body.split(/\s+/).length >= MIN_CAPTION_WORDS
  );
}

/** True when a line is not part of the article's text, judged on the line alone. */
export function isFurniture(line: string): boolean {
  const text = line.trim().replace(MARKER, '').trim();
  if (text === '' || text.length > MAX_FURNITURE_CHARS) return false;
  if (!/\p{L}/u.test(text)) return true; // "15/05/2023", "0 81": no words at all
  if (isCaptionSentence(text)) return false;
  if (FURNITURE_RULES.some((rule) => rule.test(text))) return true;
  if (isDateOnly(text) || isMenu(text) || isGrid(text)) return true;
  // A label: one word and a colon ("Print:", "Trend:").
  if (/^\S+\s*:$/.test(text)) return true;
  // "Follow us on Instagram and Twitter …", "Subscribe to our Telegram channel"
  return /^(follow|subscribe|join|like)\b/i.test(text) && SOCIAL.test(text);
}

/**
 * A line that stands alone (blank lines or the file's edge on both sides)
 * with at most two words and no sentence punctuation: a menu entry, a
 * section label, a dateline's city ("Feedback", "Latest", "ANKARA"). Inside
 * a paragraph the same words may be a wrapped sentence's, and are kept.
 */
function isLoneLabel(lines: readonly string[], i: number): boolean {
  const text = lines[i]!.trim().replace(MARKER, '').trim();
  if (text.split(/\s+/).length > 2 || /[.!?…"”]$/.test(text)) return false;
  const blank = (j: number) => j < 0 || j >= lines.length || lines[j]!.trim() === '';
  return blank(i - 1) && blank(i + 1);
}

/** A bullet item of one or two words without a figure ("• Home Page"): a menu entry. */
function isMenuItem(line: string | undefined): boolean {
  if (line === undefined || !MARKER.test(line.trim())) return false;
  const text = line.trim().replace(MARKER, '').trim();
  return text.split(/\s+/).length <= 2 && !/[\d.!?…]/.test(text);
}

/**
 * The article's lines with furniture blanked (line numbers stay true): lines
 * that are furniture on their own, lone labels, and menu entries (a bullet
 * item of one or two words next to another or to a blank line).
 */
export function dropFurniture(lines: readonly string[]): string[] {
  const out = lines.map((l) => (isFurniture(l) ? '' : l));
  const blank = (l: string | undefined) => l === undefined || l.trim() === '';
  return out.map((l, i) => {
    if (blank(l)) return l;
    if (isLoneLabel(out, i)) return '';
    const edge = (j: number) => blank(out[j]) || isMenuItem(out[j]);
    return isMenuItem(l) && (edge(i - 1) || edge(i + 1)) ? '' : l;
  });
}
