/** gsi1 partitions: what one index query reads. */
export const partitions = {
  submissionsOfUnit: (unitId: string) => `UNIT#${unitId}`,
  childrenOf: (parentId: string) => `CHILDREN#${parentId}`,
  cyclesInScope: (scopeUnitId: string) => `CYCLES#${scopeUnitId}`,
  membersOf: (unitId: string) => `MEMBERS#${unitId}`,
  /** Standings waiting on one unit's action in one cycle (its inbox). */
  queueOf: (cycleId: string, unitId: string) => `QUEUE#${cycleId}#${unitId}`,
  /** One appraiser's assignments in one cycle (their inbox). */
  assignmentsOf: (cycleId: string, userId: string) => `APPRAISER#${cycleId}#${userId}`,
  /** Deadline digests sent to one unit, by date. */
  sentTo: (unitId: string) => `SENT#${unitId}`,
  /** An upper level's tờ trình and numbered decisions in one cycle (its Ban Thường vụ's desk). */
  boardOf: (cycleId: string, unitId: string) => `BOARD#${cycleId}#${unitId}`,
  /** Every upper level's appraisal draw in one cycle. */
  drawsOf: (cycleId: string) => `DRAWS#${cycleId}`,
  /** Records stored on a UTC day whose workflow has not yet carried them out (sparse). */
  outboxOn: (date: string) => `OUTBOX#${date}`,
  /** One cadre's "1+2" visits of a year, by date. */
  visitsOfCadre: (year: number, userId: string) => `CADRE-VISITS#${year}#${userId}`,
  /** The visits made to one unit (gsi2), by date. */
  visitsTo: (unitId: string) => `VISITS-TO#${unitId}`,
  /** The "1+2" programmes provinces adopted for a year. */
  programmesOf: (year: number) => `VISIT-PROGRAMMES#${year}`,
  /** The yearly summaries of the cadres of one unit. */
  cadresOf: (year: number, unitId: string) => `CADRES#${year}#${unitId}`,
};

/** Key shapes of the single table, in one place. */
export const keys = {
  submission: (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'SUBMISSION' }),
  /** The last reference number a place gave in a year (a district's few hundred units: never hot). */
  referenceSequence: (placeUnitId: string, year: number) => ({ pk: `REFERENCE-SEQUENCE#${placeUnitId}#${year}`, sk: 'SEQUENCE' }),
  submissionByUnit: (unitId: string, submittedAt: string, submissionId: string) => ({
    gsi1pk: partitions.submissionsOfUnit(unitId),
    gsi1sk: `SUBMISSION#${submittedAt}#${submissionId}`,
  }),
  unit: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'UNIT' }),
  /** The units below a unit, counted (domain/dashboard/tallies.ts). */
  tally: (unitId: string) => ({ pk: `TALLY#${unitId}`, sk: 'TALLY' }),
  /** A unit's yearly report in a cycle, as last sent. */
  report: (cycleId: string, unitId: string, reportId: string) => ({ pk: `REPORT#${cycleId}#${unitId}`, sk: `REPORT#${reportId}` }),
  /** The standings below a unit in a cycle, counted by state. */
  counts: (cycleId: string, unitId: string) => ({ pk: `COUNTS#${cycleId}#${unitId}`, sk: 'COUNTS' }),
  unitUnderParent: (parentId: string, name: string, unitId: string) => ({
    gsi1pk: partitions.childrenOf(parentId),
    gsi1sk: `UNIT#${name.toLocaleLowerCase('vi')}#${unitId}`,
  }),
  cycle: (cycleId: string) => ({ pk: `CYCLE#${cycleId}`, sk: 'CYCLE' }),
  cycleInScope: (scopeUnitId: string, year: number, cycleId: string) => ({
    gsi1pk: partitions.cyclesInScope(scopeUnitId),
    gsi1sk: `CYCLE#${year}#${cycleId}`,
  }),
  draft: (unitId: string, cycleId: string, formId: string) => ({ pk: `DRAFT#${unitId}#${cycleId}#${formId}`, sk: 'DRAFT' }),
  evidence: (evidenceId: string) => ({ pk: `EVIDENCE#${evidenceId}`, sk: 'EVIDENCE' }),
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'USER' }),
  /** An address SES said to stop mailing (a permanent bounce, a complaint). */
  suppressedAddress: (email: string) => ({ pk: `SUPPRESSED#${email.toLowerCase()}`, sk: 'ADDRESS' }),
  suppressedInList: (at: string, email: string) => ({ gsi1pk: 'SUPPRESSED', gsi1sk: `${at}#${email.toLowerCase()}` }),
  userInUnit: (unitId: string, userId: string) => ({ gsi1pk: partitions.membersOf(unitId), gsi1sk: `USER#${userId}` }),
  directoryImport: (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' }),
  /** Written with each transaction of an import: a retry skips what is already written. */
  importChunk: (importId: string, chunk: number) => ({ pk: `IMPORT#${importId}`, sk: `CHUNK#${String(chunk).padStart(5, '0')}` }),
  /** One page of an import's user ids: the accounts workflow maps over page numbers, not ids. */
  importUsersPage: (importId: string, page: number) => ({ pk: `IMPORT#${importId}`, sk: `USERS#${String(page).padStart(6, '0')}` }),
  standing: (cycleId: string, unitId: string) => ({ pk: `STANDING#${cycleId}#${unitId}`, sk: 'STANDING' }),
  standingInQueue: (cycleId: string, actingUnitId: string, state: string, unitId: string) => ({
    gsi1pk: partitions.queueOf(cycleId, actingUnitId),
    gsi1sk: `${state}#${unitId}`,
  }),
  chainHead: (unitId: string) => ({ pk: `CHAIN#${unitId}`, sk: 'HEAD' }),
  auditEntry: (unitId: string, seq: number) => ({ pk: `AUDIT#${unitId}`, sk: `ENTRY#${String(seq).padStart(8, '0')}` }),
  decision: (decisionId: string) => ({ pk: `DECISION#${decisionId}`, sk: 'DECISION' }),
  proposal: (proposalId: string) => ({ pk: `PROPOSAL#${proposalId}`, sk: 'PROPOSAL' }),
  boardDecision: (decisionId: string) => ({ pk: `BOARD-DECISION#${decisionId}`, sk: 'BOARD-DECISION' }),
  forum: (forumId: string) => ({ pk: `FORUM#${forumId}`, sk: 'FORUM' }),
  onBoardDesk: (cycleId: string, unitId: string, at: string, id: string) => ({ gsi1pk: partitions.boardOf(cycleId, unitId), gsi1sk: `${at}#${id}` }),
  /** The last number a unit's Ban Thường vụ gave a decision in a year. */
  decisionSequence: (unitId: string, year: number) => ({ pk: `DECISION-SEQUENCE#${unitId}#${year}`, sk: 'SEQUENCE' }),
  notice: (noticeId: string) => ({ pk: `NOTICE#${noticeId}`, sk: 'NOTICE' }),
  draw: (cycleId: string, upperUnitId: string) => ({ pk: `DRAW#${cycleId}#${upperUnitId}`, sk: 'DRAW' }),
  drawInCycle: (cycleId: string, upperUnitId: string) => ({ gsi1pk: partitions.drawsOf(cycleId), gsi1sk: upperUnitId }),
  /** The secret seed, apart from the draw record so no read of the draw can leak it before the reveal. */
  drawSeed: (cycleId: string, upperUnitId: string) => ({ pk: `DRAW#${cycleId}#${upperUnitId}`, sk: 'SEED' }),
  communeSample: (cycleId: string, upperUnitId: string, communeId: string) => ({ pk: `DRAW#${cycleId}#${upperUnitId}`, sk: `COMMUNE#${communeId}` }),
  assignment: (cycleId: string, unitId: string) => ({ pk: `ASSIGNMENT#${cycleId}#${unitId}`, sk: 'ASSIGNMENT' }),
  assignmentOfAppraiser: (cycleId: string, userId: string, communeId: string, unitId: string) => ({
    gsi1pk: partitions.assignmentsOf(cycleId, userId),
    gsi1sk: `${communeId}#${unitId}`,
  }),
  appraisal: (appraisalId: string) => ({ pk: `APPRAISAL#${appraisalId}`, sk: 'APPRAISAL' }),
  sweepRun: (date: string) => ({ pk: `SWEEP#${date}`, sk: 'RUN' }),
  /** One page of a date's queued digests: the ids stay in the table, the workflow carries page numbers. */
  sweepPage: (date: string, page: number) => ({ pk: `SWEEP#${date}`, sk: `PAGE#${String(page).padStart(6, '0')}` }),
  /** The distinct reminder rules of all cycles: which deadline dates the sweep reads. */
  sweepRules: () => ({ pk: 'SWEEP#RULES', sk: 'RULES' }),
  /** What a unit owes before it has any standing in a cycle (its plan). */
  obligation: (cycleId: string, unitId: string) => ({ pk: `OBLIGATION#${cycleId}#${unitId}`, sk: 'OBLIGATION' }),
  /** A yearly report a unit owes, open until it is sent. */
  reportObligation: (cycleId: string, unitId: string, reportId: string) => ({ pk: `OBLIGATION#${cycleId}#${unitId}`, sk: `REPORT#${reportId}` }),
  /** An open obligation in the due index, under its deadline date. */
  dueOn: (deadline: string, cycleId: string, duty: string, ownerUnitId: string, subjectUnitId: string) => ({
    gsi2pk: `DUE#${deadline}`,
    gsi2sk: `${cycleId}#${duty}#${ownerUnitId}#${subjectUnitId}`,
  }),
  /** An open intake in the due index: the sweep of the day after its closing date closes it. */
  intakeClosingOn: (closesOn: string, cycleId: string, upperUnitId: string) => ({ gsi2pk: `DUE#${closesOn}`, gsi2sk: `~intake#${cycleId}#${upperUnitId}` }),
  /** A province's "1+2" programme of a year (absent: the guidance's defaults). */
  visitProgramme: (scopeUnitId: string, year: number) => ({ pk: `VISIT-PROGRAMME#${scopeUnitId}#${year}`, sk: 'PROGRAMME' }),
  programmeOfYear: (year: number, scopeUnitId: string) => ({ gsi1pk: partitions.programmesOf(year), gsi1sk: scopeUnitId }),
  visit: (visitId: string) => ({ pk: `VISIT#${visitId}`, sk: 'VISIT' }),
  visitOfCadre: (visit: { year: number; cadreUserId: string; date: string; visitId: string }) => ({ gsi1pk: partitions.visitsOfCadre(visit.year, visit.cadreUserId), gsi1sk: `${visit.date}#${visit.visitId}` }),
  visitToUnit: (visit: { unitId: string; date: string; visitId: string }) => ({ gsi2pk: partitions.visitsTo(visit.unitId), gsi2sk: `${visit.date}#${visit.visitId}` }),
  /** A cadre's year: days planned and done, recounted with each visit. */
  cadreYear: (year: number, userId: string) => ({ pk: `CADRE-YEAR#${year}#${userId}`, sk: 'SUMMARY' }),
  cadreOfUnit: (year: number, unitId: string, userId: string) => ({ gsi1pk: partitions.cadresOf(year, unitId), gsi1sk: userId }),
  /** The units under a commune (and the commune) a cadre went to in a year: the never-visited are the rest. */
  visitedUnder: (year: number, communeId: string) => ({ pk: `VISITED#${year}#${communeId}`, sk: 'UNITS' }),
  digestSent: (recipientUnitId: string, asOf: string) => ({ gsi1pk: partitions.sentTo(recipientUnitId), gsi1sk: asOf }),
  /** A record in the outbox, under the day it was stored, in the order stored. */
  inOutbox: (storedAt: Date, name: string) => ({ gsi2pk: partitions.outboxOn(storedAt.toISOString().slice(0, 10)), gsi2sk: `${storedAt.toISOString()}#${name}` }),
};

/** For an update's REMOVE clause: the record is carried out and leaves the outbox (store/outbox.ts). */
export const OUTBOX_FIELDS = 'gsi2pk, gsi2sk, outbox';

/**
 * An item without its key attributes, as the record it stores. The caller names the record type:
 * every item of a kind is written by that kind's repository alone, so its shape is known.
 */
export function recordOf<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _d1, gsi2sk: _d2, outbox: _outbox, repair: _repair, expiresAt: _expiresAt, ...record } = item;
  return record as T;
}

/**
 * How long records that only serve a while are kept before DynamoDB deletes them (TTL on
 * `expiresAt`): notices and sweep runs for 400 days, longer than a cycle, so a notice is never
 * sent twice for the same event or day within a year and the sent-mail page covers the year.
 */
export const KEEP_DAYS = { notice: 400, sweep: 400 } as const;

/** The TTL attribute for a record made at `now`, kept `days` days. */
export function expiresAfter(now: Date, days: number): { expiresAt: number } {
  return { expiresAt: Math.floor(now.getTime() / 1000) + days * 24 * 60 * 60 };
}
