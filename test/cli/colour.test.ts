import { describe, expect, it } from 'vitest';
import { wantsColour } from '../../src/cli/colour.js';

describe('wantsColour', () => {
  const terminal = { isTTY: true, hasColors: () => true };

  it('returns true on a terminal that has colours', () => {
    expect(wantsColour(terminal, {})).toBe(true);
  });

  it('returns false when NO_COLOR is set to anything, and when the output is not a terminal', () => {
    expect(wantsColour(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour(terminal, { NO_COLOR: 'yes', FORCE_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
    expect(wantsColour({ isTTY: true, hasColors: () => false }, {})).toBe(false);
  });

  it('returns FORCE_COLOR’s answer where NO_COLOR is unset or empty', () => {
    expect(wantsColour({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColour(terminal, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantsColour({ isTTY: false }, { NO_COLOR: '', FORCE_COLOR: 'true' })).toBe(true);
  });
});
