import type { Engine, IndexedFact } from '../engine.js';
import type { FactSource } from '../facts/types.js';
import { sourceUrl } from './links.js';
import type { AnswerFact, Citation, SourceRef } from './types.js';

/** A fact's source as a SourceRef (with the article's date and link). */
export function refOf(engine: Engine, source: FactSource): SourceRef {
  const article = engine.derived.articleByFile.get(source.file);
  return {
    file: source.file,
    line: source.line,
    url: sourceUrl(engine.sourceBaseUrl, source.file, source.line),
    date: article?.meta.date ?? null,
    text: source.text,
  };
}

export function sourcesOf(f: IndexedFact): FactSource[] {
  if (f.kind === 'trade') return [...f.fact.sources, ...f.fact.undatedSources];
  return f.fact.sources;
}

/** An indexed fact as answers show it: statement, sources, and its own fields for JSON. */
export function toAnswerFact(engine: Engine, f: IndexedFact): AnswerFact {
  const sources = sourcesOf(f).map((s) => refOf(engine, s));
  switch (f.kind) {
    case 'person': {
      const { statement, kind, source: _s, sources: _all, roles, ...rest } = f.fact;
      return {
        kind,
        statement,
        sources,
        ...rest,
        roles: roles.map((r) => ({ title: r.title, country: r.country })),
      };
    }
    case 'trade': {
      const { statement, sources: _s, undatedSources: _u, ...rest } = f.fact;
      return { kind: 'trade', statement, sources, ...rest };
    }
    case 'agreement': {
      const { statement, kind, source: _s, sources: _all, date, ...rest } = f.fact;
      return {
        kind,
        statement,
        sources,
        ...rest,
        date: date?.iso ?? null,
        dateDisplay: date?.display ?? null,
      };
    }
    case 'meeting': {
      const { statement, kind, source: _s, sources: _all, date, ...rest } = f.fact;
      return {
        kind,
        statement,
        sources,
        ...rest,
        date: date.iso,
        dateDisplay: date.display,
        dateFrom: date.from,
      };
    }
  }
}

/** The sentence of a fact source, quoted as a citation. */
export function citationOf(engine: Engine, source: FactSource, n: number, score = 0): Citation {
  return { n, ...refOf(engine, source), text: source.text, also: [], score };
}

/** The corpus sentence a fact source quotes. */
export function sentenceIdOf(engine: Engine, source: FactSource): number | undefined {
  const article = engine.derived.articleByFile.get(source.file);
  return article?.sentences.find((s) => s.line === source.line && s.text === source.text)?.id;
}

/**
 * Quotes for a list of facts: each fact's sources in order, each sentence
 * once, at most `limit`, fact by fact so every fact gets its first source.
 * `preference` (sentence id → rank) puts the sources that best match a
 * question first.
 */
export function citationsForFacts(
  engine: Engine,
  facts: readonly IndexedFact[],
  limit: number,
  preference?: ReadonlyMap<number, number>,
): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  const order = (list: FactSource[]) => {
    if (!preference) return list;
    const rankOf = (s: FactSource) =>
      preference.get(sentenceIdOf(engine, s) ?? -1) ?? Number.POSITIVE_INFINITY;
    return [...list].sort((a, b) => rankOf(a) - rankOf(b));
  };
  const lists = facts.map((f) => order(sourcesOf(f)));
  for (let round = 0; out.length < limit && lists.some((l) => l.length > round); round++) {
    for (const list of lists) {
      const s = list[round];
      if (!s || out.length >= limit) continue;
      const key = `${s.file}:${s.line}:${s.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(citationOf(engine, s, out.length + 1));
    }
  }
  return out;
}
