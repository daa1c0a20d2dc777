import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { WireHistoryEvent } from './history.ts';
import type { TableDefinition } from '../../catalog/tables.ts';
import { ensureTable } from '../tables.ts';

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

/** The local engine's own table: executions and their histories, so a restart loses none. */
const ENGINE_TABLE: TableDefinition = {
  id: 'LocalStepFunctions',
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { name: 'byStateMachine', partitionKey: 'stateMachineArn', sortKey: 'startKey' },
    // Sparse: only running executions carry runningFlag, so resuming after a crash is a query.
    { name: 'running', partitionKey: 'runningFlag', sortKey: 'startKey' },
  ],
};
const TABLE_NAME = 'local-stepfunctions';
const META = 'EXECUTION';
const eventKey = (id: number) => `EVENT#${String(id).padStart(8, '0')}`;

export class ExecutionExistsError extends Error {}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

const encodeToken = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
const decodeToken = (token: string | undefined) =>
  token ? (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>) : undefined;

export class ExecutionStore {
  private readonly db: DynamoDBDocumentClient;

  constructor(private readonly client: DynamoDBClient) {
    this.db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async init(): Promise<void> {
    await ensureTable(this.client, TABLE_NAME, ENGINE_TABLE);
  }

  /** Records a new execution; a second record of the same ARN is refused. */
  async create(record: ExecutionRecord): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: TABLE_NAME,
          Item: {
            pk: record.executionArn,
            sk: META,
            ...record,
            startKey: `${new Date(record.startDate).toISOString()}#${record.name}`,
            runningFlag: 'RUNNING',
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') throw new ExecutionExistsError();
      throw error;
    }
  }

  async get(executionArn: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: TABLE_NAME, Key: { pk: executionArn, sk: META }, ConsistentRead: true }),
    );
    return Item as ExecutionRecord | undefined;
  }

  /** Closes a running execution with its outcome and history; a closed one stays as it was. */
  async close(
    executionArn: string,
    outcome: Pick<ExecutionRecord, 'status' | 'stopDate' | 'output' | 'error' | 'cause'>,
    events: WireHistoryEvent[],
  ): Promise<boolean> {
    for (let start = 0; start < events.length; start += 25) {
      const batch = events.slice(start, start + 25).map((event) => ({
        PutRequest: { Item: { pk: executionArn, sk: eventKey(event.id ?? 0), event: JSON.stringify(event) } },
      }));
      await this.db.send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: batch } }));
    }
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':running': 'RUNNING' };
    const sets = Object.entries(outcome)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => {
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        return `#${field} = :${field}`;
      });
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: TABLE_NAME,
          Key: { pk: executionArn, sk: META },
          UpdateExpression: `SET ${sets.join(', ')} REMOVE runningFlag`,
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async listRunning(): Promise<ExecutionRecord[]> {
    const records: ExecutionRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          IndexName: 'running',
          KeyConditionExpression: 'runningFlag = :running',
          ExpressionAttributeValues: { ':running': 'RUNNING' },
          ExclusiveStartKey: startKey,
        }),
      );
      records.push(...((page.Items ?? []) as ExecutionRecord[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return records;
  }

  /** Newest first, as Step Functions lists them. */
  async list(stateMachineArn: string, status: ExecutionStatus | undefined, limit: number, token?: string) {
    const page = await this.db.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        IndexName: 'byStateMachine',
        KeyConditionExpression: 'stateMachineArn = :arn',
        FilterExpression: status ? '#status = :status' : undefined,
        ExpressionAttributeNames: status ? { '#status': 'status' } : undefined,
        ExpressionAttributeValues: status ? { ':arn': stateMachineArn, ':status': status } : { ':arn': stateMachineArn },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeToken(token),
      }),
    );
    return { items: (page.Items ?? []) as ExecutionRecord[], nextToken: encodeToken(page.LastEvaluatedKey) };
  }

  async history(executionArn: string, reverse: boolean, limit: number, token?: string): Promise<Page<WireHistoryEvent>> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
        ExpressionAttributeValues: { ':pk': executionArn, ':events': 'EVENT#' },
        ScanIndexForward: !reverse,
        Limit: limit,
        ExclusiveStartKey: decodeToken(token),
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => JSON.parse(String(item.event)) as WireHistoryEvent),
      nextToken: encodeToken(page.LastEvaluatedKey),
    };
  }
}
