import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AnswerStatus, Citation } from '../answer/types.js';
import { normaliseQuestion } from './normalise.js';

/** Where a question came from, so the report can tell channels from DMs and commands. */
export type Surface = 'mention' | 'dm' | 'command' | 'home';
export type Vote = 1 | -1;

export interface QuestionRecord {
  surface: Surface;
  user: string;
  channel: string | null;
  question: string;
  status: AnswerStatus;
  answer: string;
  citations: Citation[];
  ms: number;
}

export interface QuestionCount {
  question: string;
  count: number;
  lastAsked: string;
}

export interface DownvotedAnswer {
  id: number;
  question: string;
  answer: string;
  up: number;
  down: number;
}

export interface Totals {
  questions: number;
  answered: number;
  notFound: number;
  up: number;
  down: number;
}

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
];

/** A user's latest click counts: 👎 then 👍 on the same answer is one 👍. */
const LATEST_VOTES = `
  SELECT question_id, vote FROM votes v
  WHERE v.id = (SELECT MAX(w.id) FROM votes w WHERE w.question_id = v.question_id AND w.user = v.user)`;

/** The question log and 👍/👎 votes, in one SQLite file. */
export class FeedbackStore {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating the file and its directory if needed) and migrates the database; `:memory:` works for tests. */
  static open(path: string): FeedbackStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    db.transaction(() => {
      for (const [i, sql] of MIGRATIONS.entries()) if (i >= version) db.exec(sql);
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    })();
    return new FeedbackStore(db);
  }

  /** Returns the row id that the answer's 👍/👎 buttons carry. */
  logQuestion(record: QuestionRecord, now = new Date()): number {
    const result = this.db
      .prepare(
        `INSERT INTO questions (ts, surface, user, channel, question, normalized, status, answer, citations, ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      );
    return Number(result.lastInsertRowid);
  }

  /** Adds one vote row; false when the question id is unknown (e.g. a button from a database since deleted). */
  addVote(questionId: number, user: string, vote: Vote, now = new Date()): boolean {
    if (this.db.prepare('SELECT 1 FROM questions WHERE id = ?').get(questionId) === undefined) return false;
    this.db
      .prepare('INSERT INTO votes (question_id, user, vote, ts) VALUES (?, ?, ?, ?)')
      .run(questionId, user, vote, now.toISOString());
    return true;
  }

  votes(questionId: number): { user: string; vote: Vote }[] {
    return this.db.prepare('SELECT user, vote FROM votes WHERE question_id = ? ORDER BY id').all(questionId) as {
      user: string;
      vote: Vote;
    }[];
  }

  /** Questions grouped by normalised text, most asked first; `question` is the latest wording. */
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

  /** Answers with at least one 👎 (by each user's latest vote), most downvoted first. */
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

  close(): void {
    this.db.close();
  }
}
