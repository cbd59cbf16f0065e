import { aboutAnswer } from '../src/answer/about.js';
import { defineCommand } from '../src/commands/contract.js';
import { withFeedback } from '../src/feedback/summary.js';

export default defineCommand({
  name: 'about',
  description: 'What is in the corpus: files, sentences, facts, dates covered',
  options: [],
  // Members with Manage Server also see what users said of the answers (privately).
  feedbackSummary: true,
  run: ({ engine, feedback }) => withFeedback(aboutAnswer(engine), feedback?.()),
});
