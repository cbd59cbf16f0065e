/**
 * Recognises lines that are page furniture rather than article content:
 * photo credits, social-media prompts, comment counters, share buttons and
 * the like. The rules describe the shape of such lines, so they apply to
 * articles from any site.
 */

/** Furniture lines are short; a long line is content even if it starts like one. */
const MAX_FURNITURE_CHARS = 200;

const SOCIAL =
  /\b(instagram|twitter|facebook|telegram|youtube|tiktok|linkedin|whatsapp|threads|bluesky|vk|rss|newsletter|channel|x\.com)\b/i;

const FURNITURE_RULES: readonly RegExp[] = [
  // "Photo: Akorda", "Photo credit - Reuters", "Image: …", "Video: …"
  /^(photo|photos|image|images|picture|pictures|video|illustration|credit|credits)(\s+credits?)?\s*[:|–—-]/i,
  // "Comments (0)", "12 comments", "Comments"
  /^(comments?\s*(\(\d+\))?|\d+\s+comments?)$/i,
  // "Share", "Share this article", "Share on Facebook", "Tweet", "Print", "Email"
  /^(share|tweet|print|e-?mail|copy link)(\s+(this|on|via|the)\b.*)?$/i,
  // "Read more: …", "Also read: …", "Related: …", "Advertisement"
  /^(read more|read also|also read|see also|related( articles?| news| stories)?|advertisement|sponsored)\b\s*:?/i,
  // "© 2024 Agency", "Copyright …", "All rights reserved"
  /^(©|\(c\)\s|copyright\b|all rights reserved)/i,
  // "Tags: …", "Keywords: …"
  /^(tags?|keywords?|topics?)\s*:/i,
];

/** True when a line is not part of the article's text. */
export function isFurniture(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > MAX_FURNITURE_CHARS) return false;
  if (FURNITURE_RULES.some((rule) => rule.test(text))) return true;
  // "Follow us on Instagram and Twitter …", "Subscribe to our Telegram channel"
  return /^(follow|subscribe|join|like)\b/i.test(text) && SOCIAL.test(text);
}
