import { describe, expect, it } from 'vitest';
import { answerTypeOf } from '../../src/answer/answerType.js';

describe('answerTypeOf', () => {
  it.each([
    ['How much did trade reach in 2024?', 'amount'],
    ['By how many percent did exports grow?', 'amount'],
    ['How many documents were signed?', 'amount'],
    ['When did Tokayev visit Dushanbe?', 'date'],
    ['In what year was the treaty signed?', 'date'],
    ['Where were the agreements signed?', 'place'],
    ['In which city did they meet?', 'place'],
    ['Who chaired the commission?', 'person'],
    ['Whom did the minister meet?', 'person'],
    ['Which agreements were signed?', 'agreement'],
    ['What border-related accord did the leaders sign?', 'agreement'],
    ['What place does Poland hold among Ukraine’s trading partners?', null],
    ['Where does Kazakhstan rank among Tajikistan’s trading partners?', null],
    ['What products does Kazakhstan export?', null],
    ['Trade between Kazakhstan and Tajikistan', null],
  ])('reads "%s" as asking for %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});
