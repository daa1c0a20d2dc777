import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WireHistoryEvent } from './history.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
}

export class ExecutionExistsError extends Error {
  override name = 'ExecutionExistsError';
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

type Outcome = Pick<ExecutionRecord, 'status' | 'stopDate' | 'output' | 'error' | 'cause'>;
type JournalLine = { created: ExecutionRecord } | { closed: string; outcome: Outcome; events: WireHistoryEvent[] };

const encodeToken = (offset: number | undefined) => (offset === undefined ? undefined : Buffer.from(String(offset)).toString('base64url'));
const decodeToken = (token: string | undefined) => (token ? Number(Buffer.from(token, 'base64url').toString('utf8')) || 0 : 0);

function page<T>(items: T[], limit: number, token: string | undefined): Page<T> {
  const start = decodeToken(token);
  const end = start + (limit > 0 ? limit : 100);
  return { items: items.slice(start, end), nextToken: end < items.length ? encodeToken(end) : undefined };
}

/**
 * The local engine's memory of executions and their histories: an append-only journal file
 * (one JSON line when an execution starts, one when it closes with its history), read back in
 * full on start, so a restart loses none and finds those left running. It is kept apart from
 * DynamoDB Local on purpose: in AWS, Step Functions keeps its own state, so the app's table
 * carries only the app's own reads and writes here too, and local measurements stay honest.
 */
export class ExecutionStore {
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly histories = new Map<string, WireHistoryEvent[]>();
  private journal?: FileHandle;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async init(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const text = await readFile(this.file, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line) continue;
      let entry: JournalLine;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch {
        continue; // a line torn by a crash mid-write: its execution is simply still RUNNING
      }
      this.apply(entry);
    }
    this.journal = await open(this.file, 'a');
  }

  async close(): Promise<void> {
    await this.writing;
    await this.journal?.close();
    this.journal = undefined;
  }

  private apply(entry: JournalLine): void {
    if ('created' in entry) {
      this.records.set(entry.created.executionArn, entry.created);
    } else {
      const record = this.records.get(entry.closed);
      if (record?.status !== 'RUNNING') return;
      this.records.set(entry.closed, { ...record, ...withoutUndefined(entry.outcome) });
      this.histories.set(entry.closed, entry.events);
    }
  }

  /** Appends in order, one line per write; the OS keeps what was written if the process dies. */
  private append(entry: JournalLine): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const written = this.writing.then(async () => {
      if (!this.journal) throw new Error('Execution store is not open');
      await this.journal.appendFile(line, 'utf8');
    });
    this.writing = written.catch(() => undefined);
    return written;
  }

  /** Records a new execution; a second record of the same ARN is refused. */
  async create(record: ExecutionRecord): Promise<void> {
    if (this.records.has(record.executionArn)) throw new ExecutionExistsError();
    this.records.set(record.executionArn, record);
    await this.append({ created: record });
  }

  get(executionArn: string): Promise<ExecutionRecord | undefined> {
    return Promise.resolve(this.records.get(executionArn));
  }

  /** Closes a running execution with its outcome and history; a closed one stays as it was. */
  async closeExecution(executionArn: string, outcome: Outcome, events: WireHistoryEvent[]): Promise<boolean> {
    if (this.records.get(executionArn)?.status !== 'RUNNING') return false;
    const entry = { closed: executionArn, outcome, events };
    this.apply(entry);
    await this.append(entry);
    return true;
  }

  listRunning(): Promise<ExecutionRecord[]> {
    return Promise.resolve([...this.records.values()].filter((record) => record.status === 'RUNNING'));
  }

  /** Newest first, as Step Functions lists them. */
  list(stateMachineArn: string, status: ExecutionStatus | undefined, limit: number, token?: string): Promise<Page<ExecutionRecord>> {
    const matching = [...this.records.values()]
      .filter((record) => record.stateMachineArn === stateMachineArn && (!status || record.status === status))
      .sort((a, b) => b.startDate - a.startDate || b.name.localeCompare(a.name));
    return Promise.resolve(page(matching, limit, token));
  }

  history(executionArn: string, reverse: boolean, limit: number, token?: string): Promise<Page<WireHistoryEvent>> {
    const events = this.histories.get(executionArn) ?? [];
    return Promise.resolve(page(reverse ? [...events].reverse() : events, limit, token));
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
