import { runReport } from '../../feedback/report.js';
import { runServe } from '../../slack/serve.js';

/** Runs until SIGINT/SIGTERM; the Slack app owns the process from here. */
export async function serveCommand(): Promise<number> {
  await runServe();
  return 0;
}

export async function reportCommand(): Promise<number> {
  runReport();
  return 0;
}
