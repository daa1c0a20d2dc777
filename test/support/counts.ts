import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.ts';

/**
 * The dashboard's counts as stored, and as recomputed here from the truth, independently of the
 * code under test (a test-only Scan: never a request path).
 */
export function countsOf(dynamo: () => DynamoDBDocumentClient) {
  async function scanAll(prefix: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new ScanCommand({ TableName: LOCAL_TABLE_NAME, FilterExpression: 'begins_with(pk, :prefix)', ExpressionAttributeValues: { ':prefix': prefix }, ExclusiveStartKey, ConsistentRead: true }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  /**
   * The counts recomputed from the truth: every standing of the cycle (its state, its finding, what
   * it owes), every obligation kept on its own, every drawn sample, and each unit's ancestors.
   */
  async function recount(cycleId: string): Promise<Map<string, Record<string, number>>> {
    const ancestors = new Map((await scanAll('UNIT#')).map((item) => [item.unitId as string, item.ancestors as string[]]));
    const expected = new Map<string, Record<string, number>>();
    const count = (unitId: string, chain: string[], counted: string) =>
      chain.forEach((ancestorId, index) => {
        const counts = expected.get(ancestorId) ?? {};
        const child = chain[index + 1] ?? unitId;
        for (const name of [`all:${counted}`, `c:${child}:${counted}`]) counts[name] = (counts[name] ?? 0) + 1;
        expected.set(ancestorId, counts);
      });
    const standings = await scanAll(`STANDING#${cycleId}#`);
    for (const standing of standings) {
      const outcome = (standing.appraisal as { outcome?: string } | undefined)?.outcome;
      for (const counted of [standing.state as string, ...(outcome ? [`appraisal:${outcome}`] : [])]) count(standing.unitId as string, ancestors.get(standing.unitId as string) ?? [], counted);
    }
    for (const item of [...standings, ...(await scanAll(`OBLIGATION#${cycleId}#`))]) {
      const due = item.due as { ownerUnitId: string; duty: string; deadline: string } | undefined;
      if (due && item.gsi2pk) count(due.ownerUnitId, ancestors.get(due.ownerUnitId) ?? [], `o:${due.duty}:${due.deadline}`);
    }
    for (const sample of (await scanAll(`DRAW#${cycleId}#`)).filter((item) => String(item.sk).startsWith('COMMUNE#'))) {
      for (const unitId of [...(sample.sampled as string[]), ...((sample.widened as string[] | undefined) ?? [])]) count(unitId, ancestors.get(unitId) ?? [], 'sampled');
    }
    return expected;
  }

  async function storedCounts(cycleId: string): Promise<Map<string, Record<string, number>>> {
    return new Map(
      (await scanAll(`COUNTS#${cycleId}#`)).map((item) => {
        const counters = Object.fromEntries(Object.entries(item).filter(([name, value]) => /^(all|c):/.test(name) && value !== 0)) as Record<string, number>;
        return [(item.pk as string).slice(`COUNTS#${cycleId}#`.length), counters];
      }),
    );
  }

  return { scanAll, recount, storedCounts };
}
