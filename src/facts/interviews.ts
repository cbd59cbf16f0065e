import type { Sentence } from '../corpus/types.js';
import type { Person, PersonRef } from './people.js';

/**
 * An interview's answers (see src/facts/statements.ts): paragraphs after a
 * question ("Q:", "Question:") up to the next one, attributed to the person
 * interviewed: the one an "interview" sentence names, else the one the
 * answers' own prefix names ("Tokayev: …"), else the person the article
 * names most.
 */

export interface InterviewAnswer {
  /** The answer's paragraphs, first to last, each as its sentences. */
  sentences: Sentence[];
  /** The answer's words without its "A:" prefix. */
  quote: string;
  person: Person | null;
  /** The words naming the interviewee ("interviewee" when the article does not name one). */
  phrase: string;
}

const QUESTION = /^\s*(?:Q|Question)\s*[:.)–—-]\s*/iu;
const ANSWER = /^\s*(?:A|Answer)\s*[:.)–—-]\s*/iu;
/** Fewer questions than this make no interview. */
const MIN_QUESTIONS = 2;

export function interviewAnswers(
  paragraphs: ReadonlyArray<{ sentences: Sentence[]; text: string }>,
  refsOf: (s: Sentence) => PersonRef[],
): InterviewAnswer[] {
  const questions = paragraphs.filter((p) => QUESTION.test(p.text)).length;
  if (questions < MIN_QUESTIONS) return [];
  const all = paragraphs.flatMap((p) => p.sentences);
  const counts = new Map<Person, number>();
  for (const s of all) for (const r of refsOf(s)) counts.set(r.person, (counts.get(r.person) ?? 0) + 1);
  const named = all.find((s) => /\binterview/i.test(s.text) && refsOf(s).length > 0);
  const interviewee =
    (named ? refsOf(named)[0]!.person : undefined) ??
    [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ??
    null;
  const out: InterviewAnswer[] = [];
  let current: InterviewAnswer | null = null;
  let asked = false;
  for (const p of paragraphs) {
    if (QUESTION.test(p.text)) {
      asked = true;
      current = null;
      continue;
    }
    if (!asked) continue;
    const text = p.text.replace(ANSWER, '');
    if (current) {
      current.sentences.push(...p.sentences);
      current.quote = `${current.quote} ${text}`;
    } else {
      current = {
        sentences: [...p.sentences],
        quote: text,
        person: interviewee,
        phrase: interviewee?.name ?? 'interviewee',
      };
      out.push(current);
    }
  }
  return out;
}
