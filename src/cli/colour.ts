/** A stream that may be a terminal: `tty.WriteStream` has `hasColors`, which reads `NO_COLOR`, `FORCE_COLOR` and `TERM=dumb`. */
export interface MaybeTerminal {
  isTTY?: boolean;
  hasColors?: (env?: object) => boolean;
}

/**
 * Whether to colour what goes to `stream`: never when `NO_COLOR` is set
 * (no-color.org: any non-empty value), always when `FORCE_COLOR` asks for it,
 * else only on a terminal that has colours (so never in a pipe or a file).
 */
export function wantsColour(
  stream: MaybeTerminal,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (stream.isTTY !== true) return false;
  return typeof stream.hasColors === 'function' ? stream.hasColors(env) : true;
}
