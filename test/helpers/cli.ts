import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/run.js';

const exec = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `policybot` in this process, as the bin runs it: standard input holds `input` (empty when not given), and the
 * environment is this process's with `env` over it, handed to the command rather than set on `process.env`.
 */
export async function runPolicybot(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    env: { ...process.env, ...options.env },
  });
  return { code, stdout, stderr };
}

/** Runs the real, built `policybot` bin in a child process; standard input is piped when `input` is given. */
export async function spawnPolicybot(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const child = exec('node', ['bin/policybot.js', ...args], {
    env: { ...process.env, ...options.env },
    maxBuffer: 10 * 1024 * 1024,
  });
  if (options.input !== undefined) child.child.stdin!.end(options.input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A run refused as the CLI promises for an expected failure: exit code 2, one line naming the problem, no stack. */
export function expectRefused(run: CliResult, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}
