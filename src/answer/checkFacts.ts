import type { Engine, IndexedFact } from '../engine.js';
import { datesIn } from '../facts/dates.js';
import { countriesIn } from '../facts/geo.js';
import { formatUsd } from '../facts/money.js';
import type { TradeLine } from '../facts/tradeSummary.js';
import type { AgreementFact, MeetingFact, Participant, TradeFact } from '../facts/types.js';
import { contentKeys, termKey, tokenize } from '../text/normalize.js';
import { sameFigure } from './claimDetails.js';
import { refOf } from './facts.js';
import type { Citation } from './types.js';

/**
 * A claim checked against typed facts (see src/answer/check.ts): a trade figure of the same measure, pair
 * and period; an agreement signed on a date or by signatories; a meeting of the same people on a date,
 * at a place. Each gives the facts' sentences that support the claim and those that disagree.
 */

const surname = (p: Pick<Participant, 'name'>) => termKey(tokenize(p.name).at(-1) ?? p.name);

/** Dates that can be the same day: one is the other or a part of it (`2024` and `2024-08-22`). */
function compatibleDates(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

export interface Evidence {
  supports: Citation[];
  disagrees: Citation[];
  facts: IndexedFact[];
  reason: string;
}

export const NONE: Evidence = { supports: [], disagrees: [], facts: [], reason: '' };

export function citationFrom(engine: Engine, source: { file: string; line: number; text: string }): Citation {
  return { n: 0, ...refOf(engine, source), text: source.text, also: [], score: 0 };
}

// ─────────────── typed facts: the same measure, pair and period, or the same document ───────────────

function sameTradeKey(line: TradeLine, f: TradeFact): boolean {
  return (
    line.measure === f.measure &&
    line.pair[0] === f.pair[0] &&
    line.pair[1] === f.pair[1] &&
    line.modality === f.modality &&
    f.period !== null &&
    f.period.year !== null &&
    line.year === f.period.year &&
    line.periodLabel === f.period.label
  );
}

function sameTradeValue(line: TradeLine, f: TradeFact): boolean {
  if (f.measure === 'growth')
    return line.percent !== null && f.percent !== null && sameFigure(f.percent, line.percent);
  if (f.amountUsd === null || line.amountUsd === null) return false;
  return sameFigure(f.amountUsd, line.amountUsd);
}

function tradeValue(line: TradeLine): string {
  if (line.measure === 'growth') return `${line.percent}%`;
  return line.amountUsd === null ? 'another figure' : formatUsd(line.amountUsd);
}

export function tradeEvidence(engine: Engine, claimed: readonly TradeFact[]): Evidence {
  for (const f of claimed) {
    if (f.measure === 'rank' || f.measure === 'exports') continue;
    if (f.measure === 'growth' ? f.percent === null : f.amountUsd === null) continue;
    const lines = engine.trade.filter((l) => sameTradeKey(l, f));
    const agree = lines.filter((l) => sameTradeValue(l, f));
    const other = lines.filter((l) => !sameTradeValue(l, f));
    if (agree.length === 0 && other.length === 0) continue;
    const cite = (ls: TradeLine[]) => ls.flatMap((l) => l.sources).map((s) => citationFrom(engine, s));
    return {
      supports: cite(agree),
      disagrees: cite(other),
      facts: [...agree, ...other].map((fact) => ({ kind: 'trade', fact })),
      reason:
        agree.length > 0
          ? other.length > 0
            ? 'the articles give this figure, and other figures too'
            : ''
          : `the articles give ${[...new Set(other.map(tradeValue))].join(' and ')} for ${f.period?.label}`,
    };
  }
  return NONE;
}

const documentKeys = (a: Pick<AgreementFact, 'name' | 'aliases'>) =>
  [a.name, ...a.aliases].map((n) => contentKeys(n).sort().join(' '));

function sameDocument(a: AgreementFact, b: AgreementFact): boolean {
  const keys = new Set(documentKeys(b));
  return documentKeys(a).some((k) => k !== '' && keys.has(k));
}

/** The names after "signed by" ("signed by Aliyev and Pashinyan"), when the message did not resolve them. */
function signedBy(text: string): string[] {
  const m = /\bsigned by (\p{Lu}[\p{L}'’-]+(?:(?:\s*,\s*|\s+and\s+|\s+)\p{Lu}[\p{L}'’-]+)*)/u.exec(text);
  return m
    ? m[1]!
        .split(/,|\s+and\s+/)
        .map((n) => n.trim())
        .filter((n) => n !== '')
    : [];
}

export function agreementEvidence(engine: Engine, claimed: readonly AgreementFact[]): Evidence {
  for (const c of claimed) {
    if (c.status !== 'signed' || c.count !== null) continue;
    // "a defence agreement" of two other countries is another document of the same name.
    const claimParties = countriesIn(c.source.text).map((m) => m.country);
    const sameParties = (a: AgreementFact) =>
      a.parties.length === 0 || claimParties.every((p) => a.parties.includes(p));
    const known = engine.facts.agreements.filter(
      (a) => a.status === 'signed' && sameDocument(c, a) && sameParties(a),
    );
    if (known.length === 0) continue;
    const claimDate = c.date?.from === 'text' ? c.date.iso : null;
    const dated = known.filter((a) => a.date?.iso);
    const dateFits = (a: AgreementFact) =>
      claimDate === null || !a.date?.iso || compatibleDates(claimDate, a.date.iso);
    const claimSigners =
      c.signatories.length > 0
        ? c.signatories.map(surname)
        : signedBy(c.source.text).map((n) => surname({ name: n }));
    const signersFit = (a: AgreementFact) => {
      const own = new Set(a.signatories.map(surname));
      return claimSigners.every((s) => own.has(s));
    };
    const agree = known.filter((a) => dateFits(a) && signersFit(a));
    const cite = (as: AgreementFact[]) => as.flatMap((a) => a.sources).map((s) => citationFrom(engine, s));
    if (agree.length > 0 && (claimDate === null || dated.some((a) => dateFits(a)))) {
      return {
        supports: cite(agree),
        disagrees: [],
        facts: agree.map((fact) => ({ kind: 'agreement', fact })),
        reason: '',
      };
    }
    const otherDate = claimDate !== null && dated.length > 0 && !dated.some(dateFits);
    // Signatories the articles do not name are not contradicted, only not confirmed.
    const otherSigner = known.some((a) => a.signatories.length > 0) && !known.some(signersFit);
    if (!otherDate && !otherSigner) continue;
    const against = known.filter((a) => (otherDate ? !dateFits(a) : !signersFit(a)));
    return {
      supports: [],
      disagrees: cite(against),
      facts: against.map((fact) => ({ kind: 'agreement', fact })),
      reason: otherDate
        ? 'the articles give another date for its signing'
        : 'the articles name other signatories',
    };
  }
  return NONE;
}

export function meetingEvidence(engine: Engine, claimed: readonly MeetingFact[]): Evidence {
  for (const c of claimed) {
    const claimDate = c.date.from === 'text' ? c.date.iso : null;
    const names = c.participants.map(surname);
    if (claimDate === null || names.length < 2) continue;
    const same = engine.facts.meetings.filter((m) => {
      const own = new Set(m.participants.map(surname));
      return names.every((n) => own.has(n)) && (c.place === null || m.place === c.place) && m.date.iso;
    });
    if (same.length === 0) continue;
    const fits = same.filter((m) => compatibleDates(claimDate, m.date.iso!));
    const cite = (ms: MeetingFact[]) =>
      ms.flatMap((m) => m.sources.slice(0, 1)).map((s) => citationFrom(engine, s));
    if (fits.length > 0) {
      return {
        supports: cite(fits),
        disagrees: [],
        facts: fits.map((fact) => ({ kind: 'meeting', fact })),
        reason: '',
      };
    }
    // Only where the claim names the place: the same people meet often, and another meeting is no contradiction.
    if (c.place === null) continue;
    return {
      supports: [],
      disagrees: cite(same),
      facts: same.map((fact) => ({ kind: 'meeting', fact })),
      reason: 'the articles give another date for this meeting',
    };
  }
  return NONE;
}

const MEETING_WORDS = /\b(?:met|meet|meets|meeting|visit|visits|visited|talks|received|hosted)\b/i;

/**
 * A claim that the corpus's people met (named by the words of their names, as the message may not
 * introduce them with a role): supported by a meeting of them all on a compatible date, at the place the
 * claim names if it names one of the meetings' places; contradicted when every such meeting at that
 * place has another date.
 */
export function peopleMeetingEvidence(engine: Engine, claim: string): Evidence {
  if (!MEETING_WORDS.test(claim)) return NONE;
  const words = new Set(tokenize(claim).map((w) => termKey(w)));
  const named = engine.facts.people.filter((p) => words.has(surname(p)));
  const date = datesIn(claim, null).find((d) => d.iso !== null)?.iso ?? null;
  if (named.length === 0 || date === null) return NONE;
  const ids = new Set(named.map((p) => p.id));
  const place = engine.facts.meetings.find((m) => m.place !== null && claim.includes(m.place))?.place ?? null;
  const same = engine.facts.meetings.filter(
    (m) =>
      m.date.iso !== null &&
      [...ids].every((id) => m.participants.some((p) => p.id === id)) &&
      (place === null || m.place === place),
  );
  const fits = same.filter((m) => compatibleDates(date, m.date.iso!));
  const cite = (ms: MeetingFact[]) =>
    ms.flatMap((m) => m.sources.slice(0, 1)).map((s) => citationFrom(engine, s));
  if (fits.length > 0)
    return {
      supports: cite(fits),
      disagrees: [],
      facts: fits.map((fact) => ({ kind: 'meeting', fact })),
      reason: '',
    };
  if (place === null || same.length === 0) return NONE;
  return {
    supports: [],
    disagrees: cite(same),
    facts: same.map((fact) => ({ kind: 'meeting', fact })),
    reason: `the articles date their meeting in ${place} ${[...new Set(same.map((m) => m.date.display))].join(' and ')}`,
  };
}
