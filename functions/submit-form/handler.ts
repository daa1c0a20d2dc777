import { requireRole } from '../../domain/access.ts';
import { requireChangeable } from '../../domain/changes.ts';
import { ForbiddenError, ValidationError } from '../../domain/errors.ts';
import { evidenceIdsIn, evidenceIssues } from '../../domain/evidence.ts';
import { changesFor, unitsReadBy, type ProcessEvent } from '../../domain/process/transitions.ts';
import { canFill, FORMS, type FormDefinition } from '../../domain/forms/index.ts';
import type { Identity } from '../../domain/identity.ts';
import type { Cycle } from '../../domain/recognition/cycles.ts';
import { parseSubmissionRequest, type Submission, type SubmissionRequest } from '../../domain/submission.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { requireCycleOfUnit } from '../shared/access/cycle-access.ts';
import { getEvidenceBatch } from '../shared/store/evidence.ts';
import { getStandings } from '../shared/store/process.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { getSubmission, nextReferenceNumber, storeSubmission, submissionIdFor } from '../shared/store/submissions.ts';
import { getUnit, getUnits, listChildren } from '../shared/store/units.ts';
import { listVisitsToUnit } from '../shared/store/visits.ts';
import { isMade } from '../../domain/visits/visit.ts';
import { formatReference, placeInitials, referencePlace } from '../../domain/submission-reference.ts';
import { submissionView } from '../shared/views/submission-views.ts';
import { startStored, type WorkflowStart } from '../shared/dispatch/outbox.ts';
import { METRIC, record } from '../shared/observe/metrics.ts';
import { correlate, log } from '../shared/observe/log.ts';

/** The version being amended: the unit's own, of the same form and cycle, still open to change. */
async function amendedVersion(identity: Identity, request: SubmissionRequest, form: FormDefinition, cycle: Cycle): Promise<Submission | undefined> {
  if (!request.amends) return undefined;
  const amended = await getSubmission(request.amends);
  if (amended.unitId !== identity.unitId) throw new ForbiddenError('Chỉ đơn vị gửi hồ sơ mới được sửa hồ sơ đó.');
  if (amended.formId !== request.formId || amended.cycleId !== request.cycleId) {
    throw new ValidationError('Bản sửa phải cùng biểu mẫu và đợt với hồ sơ được sửa.', [{ field: 'amends', message: 'Hồ sơ được sửa không khớp.' }]);
  }
  // A retried amendment finds the version it already replaced: not a second change.
  const isRetry = amended.supersededBy === submissionIdFor(identity.unitId, request.idempotencyKey);
  if (!isRetry) requireChangeable(amended, form, cycle, new Date());
  return amended;
}

/** The form belongs to the cycle's model and to the kind of unit sending it. */
async function requireFormFits(identity: Identity, form: FormDefinition, cycle: Cycle): Promise<void> {
  if (form.templateId !== cycle.templateId) {
    throw new ValidationError('Biểu mẫu này không thuộc đợt công nhận đã chọn.', [{ field: 'formId', message: 'Biểu mẫu không thuộc đợt công nhận này.' }]);
  }
  if (!canFill(form, (await getUnit(identity.unitId)).kind)) {
    throw new ForbiddenError('Biểu mẫu này dành cho cấp đơn vị khác, đơn vị của bạn không lập biểu mẫu này.');
  }
}

/**
 * The unit's process allows this form now (no step skipped, nothing out of order): refused at
 * once, before anything is stored. The workflow checks again when it records the submission.
 */
async function requireProcessAllows(identity: Identity, request: SubmissionRequest, cycle: Cycle): Promise<void> {
  const unit = await getUnit(identity.unitId);
  const branchIds = request.formId === 'registration' ? (request.data as { branchIds: string[] }).branchIds : undefined;
  const event: ProcessEvent = { type: 'submission', eventId: `check:${request.idempotencyKey}`, formId: request.formId, submissionId: 'check', branchIds };
  const standings = await getStandings(cycle.cycleId, unitsReadBy(event, unit.unitId));
  const actor = { userId: identity.userId, name: identity.name, roles: identity.roles, unitId: identity.unitId };
  changesFor(event, unit, standings, { templateId: cycle.templateId, cycleId: cycle.cycleId, now: new Date(), actor });
}

/** Every file the form refers to is the unit's own, for this form, uploaded and checked. */
async function requireEvidenceReady(identity: Identity, request: SubmissionRequest): Promise<void> {
  const references = evidenceIdsIn(request.data);
  if (references.length === 0) return;
  const found = await getEvidenceBatch(references.map(({ evidenceId }) => evidenceId));
  const issues = evidenceIssues(request.data, found, { unitId: identity.unitId, cycleId: request.cycleId, formId: request.formId });
  if (issues.length > 0) throw new ValidationError('Minh chứng chưa hợp lệ.', issues);
}

/** The dates cadres of the levels above logged a meeting attended at the unit, from the year before the cycle's. */
async function loggedMeetings(unitId: string, year: number): Promise<string[]> {
  const visits = await listVisitsToUnit(unitId, `${year - 1}-01-01`);
  return visits.filter((visit) => isMade(visit) && visit.report?.meeting).map((visit) => visit.date);
}

/** A new dossier's reference: its district's (or province's) initials, the cycle's year, the next number. */
async function newReference(unitId: string, year: number): Promise<string | undefined> {
  const unit = await getUnit(unitId);
  const ancestors = await getUnits(unit.ancestors);
  const place = referencePlace(unit, unit.ancestors.flatMap((id) => ancestors.get(id) ?? []));
  if (!place) return undefined;
  return formatReference(placeInitials(place.name), year, await nextReferenceNumber(place.unitId, year));
}

/** POST /api/submissions: stored first, then the workflow starts; a retry repeats neither. */
export async function submitForm(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'secretary');
  const request = parseSubmissionRequest(jsonBody(event));
  const cycle = await requireCycleOfUnit(identity, request.cycleId);
  const form: FormDefinition = FORMS[request.formId];
  await requireFormFits(identity, form, cycle);
  const issues = [
    ...(form.checkAgainstChildren ? form.checkAgainstChildren(request.data as never, await listChildren(identity.unitId)) : []),
    ...(form.checkAgainstCycle ? form.checkAgainstCycle(request.data as never, cycle) : []),
    ...(form.checkAgainstVisits ? form.checkAgainstVisits(request.data as never, await loggedMeetings(identity.unitId, cycle.year)) : []),
  ];
  if (issues.length > 0) throw new ValidationError('Dữ liệu chưa hợp lệ.', issues);
  await requireEvidenceReady(identity, request);
  await requireProcessAllows(identity, request, cycle);
  const amended = await amendedVersion(identity, request, form, cycle);
  const startOf = (submissionId: string): WorkflowStart => ({ workflow: cycle.templateId, name: submissionId, input: { kind: 'submission', id: submissionId, step: form.step } });
  const reference = amended ? undefined : await newReference(identity.unitId, cycle.year);
  const { submission, created } = await storeSubmission(request, identity, new Date(), amended, startOf, reference);
  // From here on, this submission's id: its execution's name and its notices' event id too.
  correlate(submission.submissionId);
  if (created) record(METRIC.submissionsReceived, 1);
  log().info(created ? 'submission.stored' : 'submission.retried', { formId: submission.formId, cycleId: submission.cycleId });
  // Also on a retry: if the first attempt died after storing, this is what starts the workflow.
  await startStored(startOf(submission.submissionId));
  return json(created ? 201 : 200, submissionView(submission));
}

export const handler = httpHandler(submitForm);
