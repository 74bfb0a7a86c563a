import { Writable } from 'node:stream';

/** What a command writes to, reads from and takes its configuration from: the process's, or a test's. */
export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** The real process's; standard input is opened only when a command reads it, as before. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    // The process's own object, so readConfig also reads .env.
    env: process.env,
  };
}

export function isTerminal(stream: NodeJS.ReadableStream): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}

/** A stream over `out`, for code that takes a stream only to write to it. */
export function writableOf(out: CliIo['stdout']): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk, _encoding, done) {
      out.write(String(chunk));
      done();
    },
  });
}
