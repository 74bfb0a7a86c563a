import { runReport } from '../../feedback/report.js';
import { runServe } from '../../slack/serve.js';
import { type CliIo, writableOf } from '../io.js';
import { parseNothing } from '../flags.js';

/** Runs until SIGINT/SIGTERM; the Slack app owns the process from here, its signals and its log included. */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  parseNothing('serve', args);
  await runServe(io.env);
  return 0;
}

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  parseNothing('report', args);
  runReport(io.env, writableOf(io.stdout));
  return 0;
}
