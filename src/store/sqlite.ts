import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AnswerStatus } from '../answer/types.js';
import { createError } from '../core/errors.js';
import { normaliseQuestion } from './normalise.js';
import type {
  BotStore,
  CitedClause,
  DayCount,
  DownvoteReason,
  DownvotedAnswer,
  DownvotedDetail,
  LoggedQuestion,
  OwedRequest,
  QuestionCount,
  QuestionRecord,
  QuizAnswer,
  QuizScore,
  QuizSummary,
  StoredQuiz,
  Totals,
  Vote,
  VoteReason,
} from './store.js';

/** Bump with a new entry in MIGRATIONS whenever the tables change; `user_version` records what a file has. */
const MIGRATIONS = [
  `CREATE TABLE questions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     ts TEXT NOT NULL,
     surface TEXT NOT NULL,
     user TEXT NOT NULL,
     channel TEXT,
     question TEXT NOT NULL,
     normalized TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('answered', 'not_found')),
     answer TEXT NOT NULL,
     citations TEXT NOT NULL,
     ms REAL NOT NULL
   );
   CREATE INDEX questions_normalized ON questions (normalized);
   CREATE TABLE votes (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     question_id INTEGER NOT NULL REFERENCES questions (id),
     user TEXT NOT NULL,
     vote INTEGER NOT NULL CHECK (vote IN (1, -1)),
     ts TEXT NOT NULL
   );
   CREATE INDEX votes_question ON votes (question_id, user);`,
  `ALTER TABLE questions ADD COLUMN conversation TEXT;
   ALTER TABLE questions ADD COLUMN source TEXT;
   CREATE UNIQUE INDEX questions_source ON questions (source) WHERE source IS NOT NULL;
   CREATE INDEX questions_conversation ON questions (conversation, id) WHERE conversation IS NOT NULL;
   CREATE TABLE inbox (
     id TEXT PRIMARY KEY,
     body TEXT NOT NULL,
     received TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('owed', 'done', 'abandoned')),
     attempts INTEGER NOT NULL DEFAULT 0,
     owner TEXT,
     lease_until INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX inbox_owed ON inbox (lease_until) WHERE state = 'owed';
   CREATE TABLE sightings (key TEXT PRIMARY KEY, holder TEXT NOT NULL, expires INTEGER NOT NULL);
   CREATE INDEX sightings_expires ON sightings (expires);`,
  `ALTER TABLE votes ADD COLUMN reason TEXT;
   ALTER TABLE votes ADD COLUMN note TEXT;
   CREATE TABLE quizzes (
     id TEXT PRIMARY KEY,
     ts TEXT NOT NULL,
     owner TEXT NOT NULL,
     channel TEXT,
     part TEXT,
     seed TEXT NOT NULL,
     questions TEXT NOT NULL
   );
   CREATE TABLE quiz_answers (
     quiz_id TEXT NOT NULL REFERENCES quizzes (id),
     question INTEGER NOT NULL,
     user TEXT NOT NULL,
     chosen INTEGER NOT NULL,
     correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
     ts TEXT NOT NULL,
     PRIMARY KEY (quiz_id, question, user)
   );`,
];

export interface SqliteOptions {
  /**
   * How long a write waits for another process's lock. better-sqlite3 blocks the event loop meanwhile, so this is
   * kept short: callers on the ack path treat a busy database as unavailable rather than wait.
   */
  busyTimeoutMs?: number;
}

/** A user's latest click counts: 👎 then 👍 on the same answer is one 👍. */
const LATEST_VOTES = `
  SELECT question_id, vote FROM votes v
  WHERE v.id = (SELECT MAX(w.id) FROM votes w WHERE w.question_id = v.question_id AND w.user = v.user)`;

/** The same latest votes, with who cast them and why. */
const LATEST_VOTE_ROWS = `
  SELECT id, question_id, user, vote, reason, note, ts FROM votes v
  WHERE v.id = (SELECT MAX(w.id) FROM votes w WHERE w.question_id = v.question_id AND w.user = v.user)`;

const QUESTION_PAGE_ROWS = 500;

/** The clauses a logged answer cited; a row written by an older build that does not parse cites nothing. */
function citedClauses(json: string): CitedClause[] {
  try {
    const citations = JSON.parse(json) as Partial<CitedClause>[];
    return citations.map((c) => ({
      doc: String(c.doc ?? ''),
      title: String(c.title ?? ''),
      section: String(c.section ?? ''),
      heading: String(c.heading ?? ''),
    }));
  } catch {
    return [];
  }
}

/** The bot's store in one SQLite file: question log, votes, inbox and sightings. */
export class SqliteStore implements BotStore {
  private constructor(private readonly db: Database.Database) {}

  /**
   * Opens (creating the file and its directory if needed) and migrates the database; `:memory:` works for tests.
   * A path that cannot hold a database fails here, at start-up, naming the variable that set it.
   */
  static open(path: string, options: SqliteOptions = {}): SqliteStore {
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      const db = new Database(path, { timeout: options.busyTimeoutMs ?? 5_000 });
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      const version = db.pragma('user_version', { simple: true }) as number;
      db.transaction(() => {
        for (const [i, sql] of MIGRATIONS.entries()) if (i >= version) db.exec(sql);
        db.pragma(`user_version = ${MIGRATIONS.length}`);
      })();
      return new SqliteStore(db);
    } catch (error) {
      throw createError('DB_UNUSABLE', path, (error as Error).message);
    }
  }

  logQuestion(record: QuestionRecord, now = new Date()): number {
    const source = record.source ?? null;
    if (source !== null) {
      const logged = this.db.prepare('SELECT id FROM questions WHERE source = ?').get(source) as
        | { id: number }
        | undefined;
      if (logged) return logged.id;
    }
    const result = this.db
      .prepare(
        `INSERT INTO questions
           (ts, surface, user, channel, question, normalized, status, answer, citations, ms, conversation, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        now.toISOString(),
        record.surface,
        record.user,
        record.channel,
        record.question,
        normaliseQuestion(record.question),
        record.status,
        record.answer,
        JSON.stringify(record.citations),
        record.ms,
        record.conversation ?? null,
        source,
      );
    return Number(result.lastInsertRowid);
  }

  conversation(conversation: string, limit: number, source?: string): string[] {
    const rows = this.db
      .prepare(
        `SELECT question FROM questions WHERE conversation = ? AND (source IS NULL OR source != ?)
         ORDER BY id DESC LIMIT ?`,
      )
      .all(conversation, source ?? '', limit) as { question: string }[];
    return rows.map((r) => r.question).reverse();
  }

  addVote(questionId: number, user: string, vote: Vote, now = new Date()): boolean {
    if (this.db.prepare('SELECT 1 FROM questions WHERE id = ?').get(questionId) === undefined) return false;
    this.db
      .prepare('INSERT INTO votes (question_id, user, vote, ts) VALUES (?, ?, ?, ?)')
      .run(questionId, user, vote, now.toISOString());
    return true;
  }

  explainVote(questionId: number, user: string, reason: VoteReason, note: string, now = new Date()): boolean {
    // The reason belongs to the user's latest 👎 on that answer; a reason without one records the 👎 as well.
    const latest = this.db
      .prepare('SELECT id, vote FROM votes WHERE question_id = ? AND user = ? ORDER BY id DESC LIMIT 1')
      .get(questionId, user) as { id: number; vote: Vote } | undefined;
    if (latest?.vote === -1) {
      this.db.prepare('UPDATE votes SET reason = ?, note = ? WHERE id = ?').run(reason, note, latest.id);
      return true;
    }
    if (!this.addVote(questionId, user, -1, now)) return false;
    return this.explainVote(questionId, user, reason, note, now);
  }

  saveQuiz(quiz: StoredQuiz, now = new Date()): void {
    this.db
      .prepare('INSERT INTO quizzes (id, ts, owner, channel, part, seed, questions) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(quiz.id, now.toISOString(), quiz.owner, quiz.channel, quiz.part, quiz.seed, JSON.stringify(quiz.questions));
  }

  quiz(id: string): StoredQuiz | undefined {
    const row = this.db.prepare('SELECT * FROM quizzes WHERE id = ?').get(id) as
      | { id: string; owner: string; channel: string | null; part: string | null; seed: string; questions: string }
      | undefined;
    if (!row) return undefined;
    return { ...row, questions: JSON.parse(row.questions) as StoredQuiz['questions'] };
  }

  answerQuiz(
    quizId: string,
    question: number,
    user: string,
    chosen: number,
    correct: boolean,
    now = new Date(),
  ): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO quiz_answers (quiz_id, question, user, chosen, correct, ts) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(quizId, question, user, chosen, correct ? 1 : 0, now.toISOString());
    return result.changes === 1;
  }

  quizAnswers(quizId: string, user: string): QuizAnswer[] {
    return (
      this.db
        .prepare('SELECT question, chosen, correct FROM quiz_answers WHERE quiz_id = ? AND user = ? ORDER BY question')
        .all(quizId, user) as { question: number; chosen: number; correct: number }[]
    ).map((a) => ({ ...a, correct: a.correct === 1 }));
  }

  quizScores(quizId: string): QuizScore[] {
    return this.db
      .prepare(
        `SELECT user, SUM(correct) AS correct, COUNT(*) AS answered FROM quiz_answers WHERE quiz_id = ?
         GROUP BY user ORDER BY correct DESC, answered DESC, MIN(ts)`,
      )
      .all(quizId) as QuizScore[];
  }

  votes(questionId: number): { user: string; vote: Vote }[] {
    return this.db.prepare('SELECT user, vote FROM votes WHERE question_id = ? ORDER BY id').all(questionId) as {
      user: string;
      vote: Vote;
    }[];
  }

  mostAsked(limit: number, status?: AnswerStatus): QuestionCount[] {
    return this.db
      .prepare(
        `SELECT q.question, g.count, g.lastAsked
         FROM (SELECT MAX(id) AS latest, COUNT(*) AS count, MAX(ts) AS lastAsked FROM questions
               WHERE @status IS NULL OR status = @status GROUP BY normalized) g
         JOIN questions q ON q.id = g.latest
         ORDER BY g.count DESC, g.latest DESC LIMIT @limit`,
      )
      .all({ limit, status: status ?? null }) as QuestionCount[];
  }

  downvoted(limit: number): DownvotedAnswer[] {
    return this.db
      .prepare(
        `SELECT q.id, q.question, q.answer, SUM(l.vote = 1) AS up, SUM(l.vote = -1) AS down
         FROM (${LATEST_VOTES}) l JOIN questions q ON q.id = l.question_id
         GROUP BY q.id HAVING down > 0 ORDER BY down DESC, q.id DESC LIMIT ?`,
      )
      .all(limit) as DownvotedAnswer[];
  }

  totals(): Totals {
    const q = this.db
      .prepare(
        `SELECT COUNT(*) AS questions, COALESCE(SUM(status = 'answered'), 0) AS answered,
                COALESCE(SUM(status = 'not_found'), 0) AS notFound FROM questions`,
      )
      .get() as Pick<Totals, 'questions' | 'answered' | 'notFound'>;
    const v = this.db
      .prepare(`SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down FROM (${LATEST_VOTES})`)
      .get() as Pick<Totals, 'up' | 'down'>;
    return { ...q, ...v };
  }

  questionsPerDay(since: Date, utcOffsetMinutes = 0): DayCount[] {
    return this.db
      .prepare(
        `SELECT date(ts, @shift) AS day, SUM(status = 'answered') AS answered, SUM(status = 'not_found') AS notFound
         FROM questions WHERE ts >= @since GROUP BY day ORDER BY day`,
      )
      .all({ since: since.toISOString(), shift: `${Math.trunc(utcOffsetMinutes)} minutes` }) as DayCount[];
  }

  downvotedWithReasons(limit: number): DownvotedDetail[] {
    const reasons = this.db.prepare(
      `SELECT user, reason, COALESCE(note, '') AS note, ts FROM (${LATEST_VOTE_ROWS})
       WHERE question_id = ? AND vote = -1 ORDER BY id`,
    );
    const detail = this.db.prepare('SELECT ts, status, citations FROM questions WHERE id = ?');
    return this.downvoted(limit).map((d) => {
      const row = detail.get(d.id) as { ts: string; status: AnswerStatus; citations: string };
      return {
        ...d,
        ts: row.ts,
        status: row.status,
        citations: citedClauses(row.citations),
        reasons: reasons.all(d.id) as DownvoteReason[],
      };
    });
  }

  *questionRows(): Iterable<LoggedQuestion> {
    // Pages, not one open cursor: a reader that pauses between rows (an HTTP download) would otherwise keep the
    // connection busy, and every write of the bot meanwhile would fail.
    const page = this.db.prepare(
      `SELECT q.id, q.ts, q.surface, q.user, q.channel, q.question, q.status, q.answer, q.citations, q.ms,
              COALESCE(SUM(l.vote = 1), 0) AS up, COALESCE(SUM(l.vote = -1), 0) AS down
       FROM (SELECT * FROM questions WHERE id > ? ORDER BY id LIMIT ?) q
       LEFT JOIN (${LATEST_VOTES}) l ON l.question_id = q.id
       GROUP BY q.id ORDER BY q.id`,
    );
    for (let after = 0; ; ) {
      const rows = page.all(after, QUESTION_PAGE_ROWS) as (Omit<LoggedQuestion, 'citations'> & { citations: string })[];
      for (const row of rows) yield { ...row, citations: citedClauses(row.citations) };
      if (rows.length < QUESTION_PAGE_ROWS) return;
      after = rows.at(-1)!.id;
    }
  }

  quizSummaries(limit: number): QuizSummary[] {
    return this.db
      .prepare(
        `SELECT z.id, z.ts, z.owner, z.channel, z.part, json_array_length(z.questions) AS questions,
                COUNT(s.user) AS participants, COALESCE(AVG(s.correct), 0) AS averageCorrect
         FROM quizzes z LEFT JOIN (SELECT quiz_id, user, SUM(correct) AS correct FROM quiz_answers
                                   GROUP BY quiz_id, user) s ON s.quiz_id = z.id
         GROUP BY z.id ORDER BY z.ts DESC, z.rowid DESC LIMIT ?`,
      )
      .all(limit) as QuizSummary[];
  }

  admit(id: string, body: unknown, owner: string, leaseUntil: number): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO inbox (id, body, received, state, owner, lease_until) VALUES (?, ?, ?, 'owed', ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(id, JSON.stringify(body), new Date().toISOString(), owner, leaseUntil);
    return result.changes === 1;
  }

  settle(id: string, outcome: 'done' | 'abandoned'): void {
    this.db.prepare('UPDATE inbox SET state = ?, owner = NULL, lease_until = 0 WHERE id = ?').run(outcome, id);
  }

  release(id: string): void {
    this.db
      .prepare(
        `UPDATE inbox SET attempts = attempts + 1, owner = NULL, lease_until = 0 WHERE id = ? AND state = 'owed'`,
      )
      .run(id);
  }

  claimOwed(
    owner: string,
    leaseUntil: number,
    now: number,
    limit: number,
    isOrphan: (owner: string) => boolean,
  ): OwedRequest[] {
    // One transaction: two replicas sweeping at once each take a request at most once between them.
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare(
            `SELECT id, body, attempts, owner, lease_until FROM inbox WHERE state = 'owed' ORDER BY received, id`,
          )
          .all() as { id: string; body: string; attempts: number; owner: string | null; lease_until: number }[];
        const free = rows.filter(
          (r) => r.owner === null || r.lease_until <= now || (r.owner !== owner && isOrphan(r.owner)),
        );
        const claimed = free.slice(0, limit);
        const take = this.db.prepare('UPDATE inbox SET owner = ?, lease_until = ? WHERE id = ?');
        for (const row of claimed) take.run(owner, leaseUntil, row.id);
        return claimed.map((r) => ({ id: r.id, body: JSON.parse(r.body) as unknown, attempts: r.attempts }));
      })
      .immediate();
  }

  renew(owner: string, ids: readonly string[], leaseUntil: number): void {
    const renew = this.db.prepare(`UPDATE inbox SET lease_until = ? WHERE id = ? AND owner = ? AND state = 'owed'`);
    this.db.transaction(() => {
      for (const id of ids) renew.run(leaseUntil, id, owner);
    })();
  }

  forgetSettled(before: Date): void {
    this.db.prepare(`DELETE FROM inbox WHERE state != 'owed' AND received < ?`).run(before.toISOString());
  }

  owedCount(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM inbox WHERE state = 'owed'`).get() as { n: number }).n;
  }

  claim(key: string, holder: string, now: number, ttlMs: number): boolean {
    this.db
      .prepare(
        `INSERT INTO sightings (key, holder, expires) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
         WHERE sightings.expires <= ?`,
      )
      .run(key, holder, now + ttlMs, now);
    const row = this.db.prepare('SELECT holder FROM sightings WHERE key = ?').get(key) as { holder: string };
    return row.holder === holder;
  }

  prune(now: number): void {
    this.db.prepare('DELETE FROM sightings WHERE expires <= ?').run(now);
  }

  close(): void {
    this.db.close();
  }
}
