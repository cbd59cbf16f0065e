import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './seedEngine.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the project (nothing inherited from a .env: the environment given wins) and collects its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs one of the project's entry points (as npm would) and collects its output. */
export function runScript(
  script: string,
  args: readonly string[],
  options: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliRun> {
  return runCommand(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], options);
}
