import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs the real, built `policybot` bin in a child process; standard input is piped when `input` is given. */
export async function policybot(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
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
