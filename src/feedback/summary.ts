import type { Answer } from '../answer/types.js';
import type { FeedbackSummary, QuestionCount } from './store.js';

function quoted(q: QuestionCount): string {
  const question = q.question.replace(/\s+/g, ' ').trim();
  const shown = question.length > 120 ? `${question.slice(0, 119)}…` : question;
  return `${q.count}× /${q.command} "${shown}"`;
}

/**
 * What users said of the answers, in a few lines: the counts, the most
 * down-voted questions, and the questions most often not found (the articles
 * to add). `npm run feedback` prints it; `/about` shows it to the staff.
 */
export function summaryLines(summary: FeedbackSummary): string[] {
  const rate = summary.answers > 0 ? ` (${Math.round((100 * summary.notFound) / summary.answers)}%)` : '';
  const lines = [
    `Feedback: ${summary.answers} answers shown, ${summary.notFound} not found${rate}; ` +
      `${summary.up} 👍, ${summary.down} 👎 (${summary.reasons} with a reason).`,
  ];
  if (summary.downVoted.length > 0) {
    lines.push('Most 👎:', ...summary.downVoted.map((q) => `  ${quoted(q)}`));
  }
  if (summary.notFoundQuestions.length > 0) {
    lines.push('Most often not found:', ...summary.notFoundQuestions.map((q) => `  ${quoted(q)}`));
  }
  if (summary.latestReasons.length > 0) {
    lines.push(
      'Latest reasons:',
      ...summary.latestReasons.map(
        (r) => `  "${r.reason.replace(/\s+/g, ' ')}"${r.question ? ` on "${r.question}"` : ''}`,
      ),
    );
  }
  return lines;
}

/** An answer with the feedback summary after it; the answer as it was when there is none to give. */
export function withFeedback(answer: Answer, summary: FeedbackSummary | null | undefined): Answer {
  if (summary === undefined) return answer;
  const text =
    summary === null
      ? ['Feedback: the feedback database cannot be read (see the log).']
      : summaryLines(summary);
  return { ...answer, answer: `${answer.answer}\n\n${text.join('\n')}` };
}
