import * as z from 'zod';
import { requireCanSee, requireRole } from '../../domain/access.ts';
import { calendarDate } from '../../domain/dates.ts';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { hasRole, type Identity } from '../../domain/identity.ts';
import { isSameOrBelow, type Unit } from '../../domain/organisation.ts';
import {
  approvalRequestSchema,
  decisionNumber,
  proposalIssues,
  proposalRequestSchema,
  type BoardDecision,
  type Proposal,
  type ProposalRequest,
} from '../../domain/process/board-decisions.ts';
import type { DecisionRecord } from '../../domain/process/decisions.ts';
import { forumRequestSchema, type ForumChoice, type ForumRequest } from '../../domain/process/forums.ts';
import { changesFor, deciderOf, stepOfAction, type Actor, type ProcessEvent } from '../../domain/process/transitions.ts';
import type { Cycle } from '../../domain/recognition/cycles.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { requireCycleVisible } from '../shared/access/cycle-access.ts';
import { startStored, type WorkflowStart } from '../shared/dispatch/outbox.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { attachment, DOCX_TYPE, httpHandler, json, jsonBody, type HttpEvent, type HttpResult } from '../shared/edge/http.ts';
import { recognitionBlockerFor } from '../shared/store/appraisals.ts';
import { getBoardDecision, getProposal, issueDecision, lastSequence, listBoardDesk, SequenceTakenError, storeForum, storeProposal } from '../shared/store/board-decisions.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { idempotentId } from '../shared/store/ids.ts';
import { getStandings } from '../shared/store/process.ts';
import { getUnit, getUnits } from '../shared/store/units.ts';
import { decisionDocx, decisionFileName } from '../shared/views/decision-docx.ts';

const formatSchema = z.object({ format: z.enum(['json', 'docx'], { error: 'Định dạng là json hoặc docx.' }).default('json') });

/**
 * The Ban Thường vụ's desk (seed 002): the organising department proposes a list (tờ trình) of
 * units to recognise (with any commendation), not to recognise, or to revoke; a leader of the
 * same level approves it as one numbered decision, which each unit's workflow then carries out.
 * - POST /api/proposals: an organiser (or leader) of the deciding level proposes.
 * - GET /api/proposals/{cycleId}/{unitId}: that level's tờ trình and decisions, to it and above.
 * - POST /api/proposals/{proposalId}/approve: its Bí thư or a Phó Bí thư signs.
 * - GET /api/board-decisions/{decisionId}[?format=docx]: the decision, to the issuer, the levels
 *   above it and the units it names.
 * - POST /api/forums: a leader sends Đoàn cơ sở "3 chủ động" to a forum (kept on the same desk).
 */
export async function board(event: HttpEvent): Promise<HttpResult> {
  const identity = await identityOf(event);
  switch (event.routeKey) {
    case 'POST /api/proposals':
      return json(201, await propose(identity, parseOrThrow(proposalRequestSchema, jsonBody(event))));
    case 'GET /api/proposals/{cycleId}/{unitId}':
      return desk(identity, event.pathParameters?.cycleId ?? '', event.pathParameters?.unitId ?? '');
    case 'POST /api/forums':
      return json(201, await chooseForForum(identity, parseOrThrow(forumRequestSchema, jsonBody(event))));
    case 'POST /api/proposals/{proposalId}/approve':
      return json(201, await approve(identity, event.pathParameters?.proposalId ?? '', parseOrThrow(approvalRequestSchema, jsonBody(event))));
    default:
      return decisionDocument(identity, event.pathParameters?.decisionId ?? '', parseOrThrow(formatSchema, event.queryStringParameters ?? {}).format);
  }
}

/** The units of a proposal, each checked as the Ban Thường vụ would decide it now: refusals name the unit. */
async function checkUnits(identity: Identity, cycle: Cycle, request: Pick<ProposalRequest, 'action' | 'reason' | 'units'>, board?: ProcessEvent & { type: 'decision' }): Promise<Unit[]> {
  const units = await Promise.all(request.units.map(({ unitId }) => getUnit(unitId)));
  for (const unit of units) requireCanSee(identity, unit);
  const standings = await getStandings(cycle.cycleId, units.map((unit) => unit.unitId));
  // As the level's leader would sign it: the proposer's own right is to propose, checked by place.
  const signer: Actor = { userId: identity.userId, name: identity.name, roles: ['leader'], unitId: identity.unitId };
  const refusals: string[] = [];
  for (const [index, unit] of units.entries()) {
    const event: ProcessEvent = board ?? { type: 'decision', eventId: `check-${index}`, action: request.action, reason: request.reason, board: { decisionId: 'check', number: 'check', date: calendarDate(new Date()) } };
    try {
      if (deciderOf(request.action, unit, cycle.templateId)?.unitId !== identity.unitId) throw new ForbiddenError('không thuộc quyền quyết định của Ban Thường vụ đơn vị bạn.');
      const recognitionBlocker = request.action === 'recognise' ? await recognitionBlockerFor(cycle.cycleId, unit) : undefined;
      changesFor(event, unit, standings, { templateId: cycle.templateId, cycleId: cycle.cycleId, now: new Date(), actor: signer, recognitionBlocker });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals.push(`${unit.name}: ${error.message}`);
    }
  }
  if (refusals.length > 0) throw new ConflictError(`Chưa lập được: ${refusals.join(' ')}`);
  return units;
}

async function propose(identity: Identity, request: ProposalRequest): Promise<Proposal> {
  requireRole(identity, 'organiser', 'leader');
  const cycle = await getCycle(request.cycleId);
  await requireCycleVisible(identity, cycle.scopeUnitId);
  const issues = proposalIssues(request, cycle.templateId);
  if (issues.length > 0) throw new ValidationError('Tờ trình chưa đủ thông tin.', issues);
  const units = await checkUnits(identity, cycle, request);
  const parents = await getUnits([...new Set(units.flatMap((unit) => (unit.kind === 'branch' && unit.parentId ? [unit.parentId] : [])))]);
  return storeProposal({
    proposalId: idempotentId(identity.unitId, `proposal:${request.idempotencyKey}`),
    cycleId: cycle.cycleId,
    cycleTitle: cycle.title,
    upperUnitId: identity.unitId,
    action: request.action,
    units: request.units.map(({ unitId, commendation }, index) => ({ unitId, name: units[index]!.name, parentName: parents.get(units[index]!.parentId ?? '')?.name, commendation })),
    reason: request.reason?.trim() || undefined,
    proposedBy: { userId: identity.userId, name: identity.name, roles: identity.roles, unitId: identity.unitId },
    proposedAt: new Date().toISOString(),
    status: 'proposed',
  });
}

async function desk(identity: Identity, cycleId: string, unitId: string): Promise<HttpResult> {
  requireRole(identity, 'secretary', 'organiser', 'leader', 'admin');
  requireCanSee(identity, await getUnit(unitId));
  return json(200, await listBoardDesk(cycleId, unitId));
}

async function approve(identity: Identity, proposalId: string, request: z.infer<typeof approvalRequestSchema>): Promise<BoardDecision> {
  requireRole(identity, 'leader');
  const proposal = await getProposal(proposalId);
  if (proposal.upperUnitId !== identity.unitId) throw new ForbiddenError('Chỉ Ban Thường vụ của đơn vị lập tờ trình mới duyệt được tờ trình này.');
  const decisionId = idempotentId(identity.unitId, `approval:${request.idempotencyKey}`);
  if (proposal.status === 'approved') return alreadyApproved(proposal, decisionId);
  const [cycle, issuer] = await Promise.all([getCycle(proposal.cycleId), getUnit(identity.unitId)]);
  const parent = issuer.parentId ? await getUnit(issuer.parentId) : undefined;
  const now = new Date();
  const date = calendarDate(now);
  const year = Number(date.slice(0, 4));
  const approvedBy: Actor = { userId: identity.userId, name: identity.name, roles: identity.roles, unitId: identity.unitId };
  for (let attempt = 1; ; attempt++) {
    const sequence = (await lastSequence(issuer.unitId, year)) + 1;
    const number = decisionNumber(sequence, issuer);
    const records = proposal.units.map(({ unitId, commendation }) => {
      const record: DecisionRecord = {
        decisionId: idempotentId(identity.unitId, `board:${decisionId}:${unitId}`),
        cycleId: cycle.cycleId,
        unitId,
        action: proposal.action,
        reason: proposal.reason,
        board: { decisionId, number, date, commendation },
        decidedBy: approvedBy,
        decidedAt: now.toISOString(),
        status: 'pending',
      };
      const start: WorkflowStart = { workflow: cycle.templateId, name: record.decisionId, input: { kind: 'decision', id: record.decisionId, step: stepOfAction(proposal.action, cycle.templateId) } };
      return { record, start };
    });
    // Checked again as it will be carried out: a unit may have moved since it was proposed.
    await checkUnits(identity, cycle, proposal, { type: 'decision', eventId: 'check', action: proposal.action, reason: proposal.reason, board: records[0]!.record.board });
    const decision: BoardDecision = {
      decisionId,
      number,
      sequence,
      year,
      date,
      place: request.place,
      cycleId: cycle.cycleId,
      cycleTitle: cycle.title,
      templateId: cycle.templateId,
      cycleYear: cycle.year,
      issuer: { unitId: issuer.unitId, name: issuer.name, parentName: parent?.name },
      action: proposal.action,
      units: proposal.units,
      reason: proposal.reason,
      signer: request.signer,
      proposalId: proposal.proposalId,
      proposedBy: proposal.proposedBy,
      approvedBy,
      approvedAt: now.toISOString(),
    };
    try {
      await issueDecision(decision, records, now);
    } catch (error) {
      if (error instanceof SequenceTakenError && attempt < 5) continue;
      // Approved meanwhile: by this same request (a double tap) it answers with that decision.
      if (error instanceof ConflictError) return alreadyApproved(await getProposal(proposal.proposalId), decisionId);
      throw error;
    }
    // Also after a crash: the records wait in the outbox, and the repairer starts what this did not.
    await Promise.all(records.map(({ start }) => startStored(start)));
    return decision;
  }
}

/**
 * The Ban Thường vụ sends Đoàn cơ sở to a forum: its own Đoàn cơ sở "3 chủ động" (those its board
 * recognises), each in the programme this cycle. A retried request answers with the first choice.
 */
async function chooseForForum(identity: Identity, request: ForumRequest): Promise<ForumChoice> {
  requireRole(identity, 'leader');
  const cycle = await getCycle(request.cycleId);
  await requireCycleVisible(identity, cycle.scopeUnitId);
  if (cycle.templateId !== 'doan-co-so-3-chu-dong') {
    throw new ValidationError('Cử tham gia diễn đàn dành cho Đoàn cơ sở "3 chủ động".', [{ field: 'cycleId', message: 'Hãy chọn đợt xây dựng Đoàn cơ sở "3 chủ động".' }]);
  }
  const units = await Promise.all(request.unitIds.map((unitId) => getUnit(unitId)));
  for (const unit of units) requireCanSee(identity, unit);
  const standings = await getStandings(cycle.cycleId, request.unitIds);
  const refusals = units.flatMap((unit) => {
    if (deciderOf('recognise', unit, cycle.templateId)?.unitId !== identity.unitId) return [`${unit.name} không do Ban Thường vụ đơn vị bạn xét.`];
    return standings.get(unit.unitId) ? [] : [`${unit.name} chưa đăng ký xây dựng Đoàn cơ sở "3 chủ động" trong đợt này.`];
  });
  if (refusals.length > 0) throw new ConflictError(`Chưa cử được: ${refusals.join(' ')}`);
  return storeForum({
    forumId: idempotentId(identity.unitId, `forum:${request.idempotencyKey}`),
    cycleId: cycle.cycleId,
    upperUnitId: identity.unitId,
    title: request.title,
    date: request.date,
    place: request.place?.trim() || undefined,
    units: units.map((unit) => ({ unitId: unit.unitId, name: unit.name })),
    chosenBy: { userId: identity.userId, name: identity.name, roles: identity.roles, unitId: identity.unitId },
    chosenAt: new Date().toISOString(),
  });
}

/** A tờ trình already approved: the decision, if this very approval made it (a retry); else refused. */
async function alreadyApproved(proposal: Proposal, decisionId: string): Promise<BoardDecision> {
  const decision = await getBoardDecision(proposal.decisionId!);
  if (decision.decisionId === decisionId) return decision;
  throw new ConflictError(`Tờ trình này đã được duyệt bằng Quyết định số ${decision.number}.`);
}

async function decisionDocument(identity: Identity, decisionId: string, format: 'json' | 'docx'): Promise<HttpResult> {
  const decision = await getBoardDecision(decisionId);
  const viewer = await getUnit(identity.unitId);
  const issuer = await getUnit(decision.issuer.unitId);
  // The issuer and the levels above it; below it, the units it names and the levels between (their commune).
  const named = await getUnits(decision.units.map((unit) => unit.unitId));
  const concerned = isSameOrBelow(issuer, viewer.unitId) || [...named.values()].some((unit) => isSameOrBelow(unit, viewer.unitId));
  // Its readers by role as the routes catalogue states them (an appraiser, or a cadre alone, is not one).
  if (!concerned || !hasRole(identity, 'secretary', 'organiser', 'leader', 'admin')) throw new NotFoundError('Không tìm thấy quyết định.');
  if (format === 'json') return json(200, decision);
  const body = await decisionDocx(decision);
  return attachment(body, DOCX_TYPE, decisionFileName(decision));
}

export const handler = httpHandler(board);
