import { runReport } from '../../feedback/report.js';
import { runServe } from '../../slack/serve.js';
import { type CliIo, writableOf } from '../io.js';

/** Runs until SIGINT/SIGTERM; the Slack app owns the process from here, its signals and its log included. */
export async function serveCommand(_args: string[], io: CliIo): Promise<number> {
  await runServe(io.env);
  return 0;
}

export async function reportCommand(_args: string[], io: CliIo): Promise<number> {
  runReport(io.env, writableOf(io.stdout));
  return 0;
}
