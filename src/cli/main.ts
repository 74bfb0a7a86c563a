import { processIo } from './io.js';
import { runCli } from './run.js';

// The `policybot` bin: the process's arguments and streams. The exit code is set, not forced, so output drains first.
process.exitCode = await runCli(process.argv.slice(2), processIo());
