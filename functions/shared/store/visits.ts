import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { countDays, type DayCount } from '../../../domain/visits/counting.ts';
import { defaultProgramme, type VisitProgramme } from '../../../domain/visits/programme.ts';
import type { Visit } from '../../../domain/visits/visit.ts';
import type { Unit } from '../../../domain/organisation.ts';
import { config, dynamo } from '../config/config.ts';
import { getUnits } from './units.ts';
import { appendToChain, type ChainHead } from './chain.ts';
import { keys, partitions, recordOf } from './keys.ts';
import { batchGetItems, queryAll, queryPartition, type TransactItem } from './table.ts';

/**
 * Visits of the "1+2" practice. A visit is one item, listed under its cadre's year (gsi1) and
 * under the unit visited (gsi2); each cadre's year has a summary (days planned and done, by
 * month) written in the same transaction as the visit it counts, so the leaders' view and the
 * sweep's pace reminder read one item per cadre, never the visits. A logged visit is also an
 * entry in the visited unit's hash-chained history.
 */
export interface CadreYear extends DayCount {
  year: number;
  programmeId: string;
  userId: string;
  name: string;
  unitId: string;
  lastVisit?: string;
  version: number;
}

export async function getProgramme(year: number, scope: { unitId: string; name: string }): Promise<VisitProgramme> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.visitProgramme(scope.unitId, year) }));
  return Item ? recordOf<VisitProgramme>(Item) : defaultProgramme(year, scope.unitId, scope.name);
}

/** A programme adopted (or changed), listed under its year for the sweep's monthly reminder. */
export async function putProgramme(programme: VisitProgramme): Promise<void> {
  await dynamo().send(
    new PutCommand({ TableName: config.tableName, Item: { ...keys.visitProgramme(programme.scopeUnitId, programme.year), ...keys.programmeOfYear(programme.year, programme.scopeUnitId), ...programme } }),
  );
}

/** The programmes adopted for a year (a few dozen): one index query. */
export async function listProgrammes(year: number): Promise<VisitProgramme[]> {
  return (await queryPartition(partitions.programmesOf(year))).map((item) => recordOf<VisitProgramme>(item));
}

/** The programme counting a cadre's visits: their province's (a district cadre's is the province above). */
export async function programmeOf(cadreUnit: Unit, year: number): Promise<VisitProgramme> {
  if (cadreUnit.kind === 'province' || cadreUnit.kind === 'central') return getProgramme(year, cadreUnit);
  const ancestors = await getUnits(cadreUnit.ancestors);
  const province = [...ancestors.values()].find((unit) => unit.kind === 'province') ?? cadreUnit;
  return getProgramme(year, province);
}

export async function getVisit(visitId: string): Promise<Visit | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config.tableName, Key: keys.visit(visitId), ConsistentRead: true }));
  return Item ? recordOf<Visit>(Item) : undefined;
}

/** A cadre's visits of a year, by date: one index query. */
export async function listVisitsOfCadre(year: number, userId: string): Promise<Visit[]> {
  return (await queryPartition(partitions.visitsOfCadre(year, userId))).map((item) => recordOf<Visit>(item));
}

/** The visits made to a unit since a date, by date: one index query. */
export async function listVisitsToUnit(unitId: string, since: string): Promise<Visit[]> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :since',
    ExpressionAttributeValues: { ':pk': partitions.visitsTo(unitId), ':since': since },
  });
  return items.map((item) => recordOf<Visit>(item));
}

/** The summaries of the cadres of one unit in a year: one index query. */
export async function listCadreYears(year: number, cadreUnitId: string): Promise<CadreYear[]> {
  return (await queryPartition(partitions.cadresOf(year, cadreUnitId))).map((item) => recordOf<CadreYear>(item));
}

/** Summaries of named cadres in a year (absent: nothing yet this year). */
export async function getCadreYears(year: number, userIds: string[]): Promise<Map<string, CadreYear>> {
  const found = await batchGetItems(userIds.map((userId) => keys.cadreYear(year, userId)));
  return new Map([...found.values()].map((item) => [item.userId as string, recordOf<CadreYear>(item)]));
}

/**
 * Stores a visit (planned, logged, or a planned one now logged) with its cadre's recounted year
 * and, once logged, its entry in the visited unit's history, in one transaction. The visit is
 * written only if absent (a plan or an unplanned log) or still planned (logging it): a retried
 * request finds it stored and writes nothing twice. On a concurrent change (another visit of the
 * same cadre, another entry in the unit's chain) it reads again and recomputes.
 */
export async function storeVisit(visit: Visit, programme: VisitProgramme, made?: { historyLine: string; communeId?: string }): Promise<{ visit: Visit; stored: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const existing = await getVisit(visit.visitId);
    if (existing && (existing.status === 'done' || visit.status === 'planned')) return { visit: existing, stored: false };
    // The cadre's year and the unit's chain head: one round trip.
    const [others, found] = await Promise.all([listVisitsOfCadre(visit.year, visit.cadreUserId), batchGetItems([keys.cadreYear(visit.year, visit.cadreUserId), keys.chainHead(visit.unitId)])]);
    const before = found.get(keys.cadreYear(visit.year, visit.cadreUserId).pk) as CadreYear | undefined;
    const visits = [...others.filter((other) => other.visitId !== visit.visitId), visit];
    const count = countDays(visits.map((counted) => ({ ...counted, attended: counted.report?.attended })), programme);
    const summary: CadreYear = {
      ...count,
      year: visit.year,
      programmeId: programme.programmeId,
      userId: visit.cadreUserId,
      name: visit.cadreName,
      unitId: visit.cadreUnitId,
      lastVisit: visits.filter((candidate) => candidate.status === 'done').map((candidate) => candidate.date).sort().at(-1),
      version: (before?.version ?? 0) + 1,
    };
    const items: TransactItem[] = [
      {
        Put: {
          TableName: config.tableName,
          Item: { ...keys.visit(visit.visitId), ...keys.visitOfCadre(visit), ...keys.visitToUnit(visit), ...visit },
          ConditionExpression: existing ? '#status = :planned' : 'attribute_not_exists(pk)',
          ExpressionAttributeNames: existing ? { '#status': 'status' } : undefined,
          ExpressionAttributeValues: existing ? { ':planned': 'planned' } : undefined,
        },
      },
      {
        Put: {
          TableName: config.tableName,
          Item: { ...keys.cadreYear(visit.year, visit.cadreUserId), ...keys.cadreOfUnit(visit.year, visit.cadreUnitId, visit.cadreUserId), ...summary },
          ConditionExpression: before ? 'version = :version' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: before ? { ':version': before.version } : undefined,
        },
      },
    ];
    if (made) items.push(...historyItems(visit, made.historyLine, found.get(keys.chainHead(visit.unitId).pk) as ChainHead | undefined));
    // The commune's mark: this unit had a cadre this year (a set: a second visit adds nothing).
    if (made?.communeId) {
      items.push({
        Update: {
          TableName: config.tableName,
          Key: keys.visitedUnder(visit.year, made.communeId),
          UpdateExpression: 'ADD visited :unit',
          ExpressionAttributeValues: { ':unit': new Set([visit.unitId]) },
        },
      });
    }
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
      return { visit, stored: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || attempt >= 4) throw error;
    }
  }
}

/** For each commune, the units under it (and itself) a cadre went to in a year: key lookups, 100 at a time. */
export async function visitedUnder(year: number, communeIds: string[]): Promise<Map<string, string[]>> {
  const found = await batchGetItems(communeIds.map((communeId) => keys.visitedUnder(year, communeId)));
  return new Map(
    communeIds.flatMap((communeId) => {
      const item = found.get(keys.visitedUnder(year, communeId).pk);
      return item ? [[communeId, [...((item.visited as Set<string> | undefined) ?? [])].sort()] as const] : [];
    }),
  );
}

/** The visit as an entry of the visited unit's chain: no standing moves, so no before or after. */
function historyItems(visit: Visit, summary: string, head: ChainHead | undefined): TransactItem[] {
  const fields = { unitId: visit.unitId, eventId: `visit#${visit.visitId}`, cycleId: visit.programmeId, at: visit.loggedAt ?? new Date().toISOString(), actor: { userId: visit.cadreUserId, name: visit.cadreName }, summary, visitId: visit.visitId };
  return appendToChain(fields, head).items;
}
