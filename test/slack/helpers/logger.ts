import { LogLevel, type Logger } from '@slack/bolt';

/** A Bolt logger that keeps what it was told, so a test can assert an error was logged (and stays quiet). */
export function recordingLogger(): Logger & { lines: { level: LogLevel; text: string }[] } {
  const lines: { level: LogLevel; text: string }[] = [];
  const log =
    (level: LogLevel) =>
    (...msg: unknown[]) => {
      lines.push({
        level,
        text: msg.map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : String(m))).join(' '),
      });
    };
  let level = LogLevel.DEBUG;
  return {
    lines,
    debug: log(LogLevel.DEBUG),
    info: log(LogLevel.INFO),
    warn: log(LogLevel.WARN),
    error: log(LogLevel.ERROR),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
