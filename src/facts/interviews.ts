import type { Sentence } from '../corpus/types.js';
import type { Person, PersonRef } from './people.js';
import { nameIn, speakerWords } from './speakers.js';

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
  /** The interviewee's name when no person entity is known for it. */
  name: string | null;
  /** The words naming the interviewee ("interviewee" when the article does not name one). */
  phrase: string;
}

const ASKED =
  /\b(?:we asked|asked|interviewed|spoke (?:to|with)|talked (?:to|with)|an interview with)\s+(.+?)(?:\s+(?:what|how|why|whether|about|if|when|where|who)\b|[.?]$)/u;
/** The interviewer as the object ("Tokayev spoke to us"): the interviewee is the subject before the verb. */
const INTERVIEWER =
  /^(?:us|me|this (?:newspaper|paper|website|outlet|reporter|correspondent)|our (?:newspaper|paper|reporter|correspondent|website))\b/iu;
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
  // "We asked Vietnam's Deputy Minister …, Nguyen Thi Lan Huong, what happens next."
  let askedName: string | null = null;
  let askedPerson: Person | undefined;
  for (const s of all) {
    const m = ASKED.exec(s.text);
    if (!m) continue;
    const object = speakerWords(m[1]!.replace(/,\s*$/, ''));
    if (INTERVIEWER.test(object)) {
      // "Prasad spoke to us at the embassy": the one named last before the verb.
      askedPerson = refsOf(s)
        .filter((r) => r.index < m.index)
        .at(-1)?.person;
      askedName = askedPerson ? null : nameIn(s.text.slice(0, m.index));
    } else {
      askedPerson = refsOf(s).find((r) => r.index >= m.index)?.person;
      askedName = nameIn(object);
    }
    if (askedPerson || askedName) break;
  }
  const named = all.find((s) => /\binterview/i.test(s.text) && refsOf(s).length > 0);
  const mostNamed = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const interviewee: Person | null = askedPerson
    ? askedPerson
    : askedName
      ? null
      : ((named ? refsOf(named)[0]!.person : mostNamed) ?? null);
  // Where answers are marked "A:", only those paragraphs are answers: the others are the article's.
  const marked = paragraphs.some((p) => ANSWER.test(p.text));
  const out: InterviewAnswer[] = [];
  let current: InterviewAnswer | null = null;
  let asked = false;
  // After the last answer, unmarked paragraphs are the article's again.
  const lastQuestion = paragraphs.findLastIndex((p) => QUESTION.test(p.text));
  const lastAnswer = paragraphs.findIndex((p, i) => i > lastQuestion && ANSWER.test(p.text));
  paragraphs.forEach((p, i) => {
    if (marked && lastAnswer >= 0 && i > lastAnswer) current = null;
    else read(p);
  });
  return out;

  function read(p: { sentences: Sentence[]; text: string }): void {
    if (QUESTION.test(p.text)) {
      asked = true;
      current = null;
      return;
    }
    if (!asked) return;
    if (marked && !ANSWER.test(p.text) && !current) return;
    const text = p.text.replace(ANSWER, '');
    if (current && !ANSWER.test(p.text)) {
      current.sentences.push(...p.sentences);
      current.quote = `${current.quote} ${text}`;
    } else {
      current = {
        sentences: [...p.sentences],
        quote: text,
        person: interviewee,
        name: interviewee ? null : askedName,
        phrase: interviewee?.name ?? askedName ?? 'interviewee',
      };
      out.push(current);
    }
  }
}

/** An answer's words from its sentences, without the "A:" prefix. */
export function answerText(sentences: readonly Sentence[]): string {
  return sentences
    .map((s) => s.text)
    .join(' ')
    .replace(ANSWER, '');
}
