import type { Role } from '../../domain/roles.ts';
import type { UnitKind } from '../../domain/organisation.ts';
import { VISITING_LEVELS, VISITING_ROLES } from '../../domain/visits/access.ts';
import type { FunctionId } from './functions.ts';

/**
 * Whose data a route reaches, relative to the caller's unit:
 * - `below`: the caller's unit and every unit under it (an appraiser alone: their own unit only);
 * - `under`: every unit under the caller's, never the caller's own (a cadre's visits);
 * - `line`: the caller's unit, the units under it and the levels above it, never a sibling's;
 * - `own`: only what the caller's own unit made or holds;
 * - `assigned`: an appraiser's own assignments, whatever the place;
 * - `top`: the whole system, so only from the top of the tree;
 * - `none`: names no place (a template, the cycles the caller may see).
 */
export type Reach = 'below' | 'under' | 'line' | 'own' | 'assigned' | 'top' | 'none';

/** Who may call a route. The authorisation matrix test walks every route with every role and place. */
export interface RouteAccess {
  roles: readonly Role[] | 'signed-in';
  reach: Reach;
  /** Only callers whose unit is of these kinds (the "1+2" visits: the levels above the commune). */
  levels?: readonly UnitKind[];
}

/** HTTP API routes. Every route requires a signed-in user (JWT authorizer) and states its access. */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: {name} is a path parameter. */
  path: string;
  functionId: FunctionId;
  access: RouteAccess;
}

const SIGNED_IN = 'signed-in';
const SECRETARY = ['secretary'] as const;
const APPRAISER = ['appraiser'] as const;
const ADMIN = ['admin'] as const;
const DIRECTORY_KEEPERS = ['admin', 'organiser'] as const;
const DECIDERS = ['secretary', 'leader', 'organiser'] as const;
const NOT_APPRAISERS = ['secretary', 'organiser', 'leader', 'admin'] as const;

export const ROUTES: RouteDefinition[] = [
  { method: 'POST', path: '/api/submissions', functionId: 'submitForm', access: { roles: SECRETARY, reach: 'own' } },
  { method: 'GET', path: '/api/submissions', functionId: 'listSubmissions', access: { roles: SIGNED_IN, reach: 'below' } },
  { method: 'GET', path: '/api/submissions/{submissionId}', functionId: 'getSubmission', access: { roles: SIGNED_IN, reach: 'below' } },
  { method: 'POST', path: '/api/submissions/{submissionId}/withdraw', functionId: 'withdrawSubmission', access: { roles: SECRETARY, reach: 'own' } },
  { method: 'GET', path: '/api/units/{unitId}', functionId: 'getUnit', access: { roles: SIGNED_IN, reach: 'below' } },
  { method: 'GET', path: '/api/drafts/{cycleId}/{formId}', functionId: 'drafts', access: { roles: SECRETARY, reach: 'own' } },
  { method: 'PUT', path: '/api/drafts/{cycleId}/{formId}', functionId: 'drafts', access: { roles: SECRETARY, reach: 'own' } },
  { method: 'DELETE', path: '/api/drafts/{cycleId}/{formId}', functionId: 'drafts', access: { roles: SECRETARY, reach: 'own' } },
  { method: 'POST', path: '/api/evidence', functionId: 'requestEvidenceUpload', access: { roles: ['secretary', 'appraiser'], reach: 'own' } },
  { method: 'POST', path: '/api/evidence/{evidenceId}/confirm', functionId: 'confirmEvidence', access: { roles: ['secretary', 'appraiser'], reach: 'own' } },
  { method: 'GET', path: '/api/evidence/{evidenceId}', functionId: 'getEvidence', access: { roles: SIGNED_IN, reach: 'below' } },
  { method: 'POST', path: '/api/decisions', functionId: 'decide', access: { roles: DECIDERS, reach: 'below' } },
  { method: 'GET', path: '/api/decisions/{decisionId}', functionId: 'getDecision', access: { roles: SIGNED_IN, reach: 'own' } },
  { method: 'POST', path: '/api/proposals', functionId: 'board', access: { roles: ['organiser', 'leader'], reach: 'below' } },
  { method: 'GET', path: '/api/proposals/{cycleId}/{unitId}', functionId: 'board', access: { roles: NOT_APPRAISERS, reach: 'below' } },
  { method: 'POST', path: '/api/proposals/{proposalId}/approve', functionId: 'board', access: { roles: ['leader'], reach: 'own' } },
  { method: 'POST', path: '/api/forums', functionId: 'board', access: { roles: ['leader'], reach: 'below' } },
  { method: 'GET', path: '/api/board-decisions/{decisionId}', functionId: 'board', access: { roles: NOT_APPRAISERS, reach: 'line' } },
  { method: 'GET', path: '/api/stuck-records', functionId: 'listStuckRecords', access: { roles: ADMIN, reach: 'top' } },
  { method: 'GET', path: '/api/standings/{cycleId}/{unitId}', functionId: 'getStanding', access: { roles: SIGNED_IN, reach: 'below' } },
  { method: 'GET', path: '/api/inbox', functionId: 'inbox', access: { roles: NOT_APPRAISERS, reach: 'own' } },
  { method: 'GET', path: '/api/units/{unitId}/audit', functionId: 'verifyAudit', access: { roles: SIGNED_IN, reach: 'below' } },
  { method: 'POST', path: '/api/imports', functionId: 'importDirectory', access: { roles: DIRECTORY_KEEPERS, reach: 'below' } },
  { method: 'GET', path: '/api/imports/template', functionId: 'importTemplate', access: { roles: DIRECTORY_KEEPERS, reach: 'none' } },
  { method: 'POST', path: '/api/cycles', functionId: 'createCycle', access: { roles: ADMIN, reach: 'below' } },
  { method: 'GET', path: '/api/cycles', functionId: 'listCycles', access: { roles: SIGNED_IN, reach: 'none' } },
  { method: 'GET', path: '/api/cycles/{cycleId}', functionId: 'getCycle', access: { roles: SIGNED_IN, reach: 'line' } },
  { method: 'POST', path: '/api/draws', functionId: 'manageDraw', access: { roles: ['organiser', 'leader'], reach: 'own' } },
  { method: 'GET', path: '/api/draws/{cycleId}/{unitId}', functionId: 'getDraw', access: { roles: SIGNED_IN, reach: 'line' } },
  { method: 'GET', path: '/api/assignments', functionId: 'listAssignments', access: { roles: APPRAISER, reach: 'assigned' } },
  { method: 'GET', path: '/api/assignments/{cycleId}/{unitId}', functionId: 'getAssignment', access: { roles: APPRAISER, reach: 'assigned' } },
  { method: 'POST', path: '/api/appraisals', functionId: 'submitAppraisal', access: { roles: APPRAISER, reach: 'assigned' } },
  { method: 'POST', path: '/api/sweeps', functionId: 'sweeps', access: { roles: ADMIN, reach: 'top' } },
  { method: 'GET', path: '/api/sweeps/{asOf}', functionId: 'sweeps', access: { roles: ADMIN, reach: 'top' } },
  { method: 'GET', path: '/api/dashboard/{cycleId}/{unitId}', functionId: 'dashboard', access: { roles: NOT_APPRAISERS, reach: 'below' } },
  { method: 'POST', path: '/api/reports', functionId: 'reports', access: { roles: DECIDERS, reach: 'own' } },
  { method: 'GET', path: '/api/reports/{cycleId}/{unitId}/{reportId}', functionId: 'reports', access: { roles: NOT_APPRAISERS, reach: 'below' } },
  { method: 'GET', path: '/api/notices', functionId: 'listNotices', access: { roles: NOT_APPRAISERS, reach: 'below' } },
  { method: 'GET', path: '/api/visits', functionId: 'visits', access: { roles: VISITING_ROLES, reach: 'own', levels: VISITING_LEVELS } },
  { method: 'POST', path: '/api/visits', functionId: 'visits', access: { roles: VISITING_ROLES, reach: 'under', levels: VISITING_LEVELS } },
  { method: 'PUT', path: '/api/visits/{visitId}', functionId: 'visits', access: { roles: VISITING_ROLES, reach: 'own', levels: VISITING_LEVELS } },
  { method: 'POST', path: '/api/visit-photos', functionId: 'requestEvidenceUpload', access: { roles: VISITING_ROLES, reach: 'under', levels: VISITING_LEVELS } },
  { method: 'POST', path: '/api/visit-photos/{evidenceId}/confirm', functionId: 'confirmEvidence', access: { roles: VISITING_ROLES, reach: 'own', levels: VISITING_LEVELS } },
  { method: 'POST', path: '/api/visit-programmes', functionId: 'visitProgrammes', access: { roles: ADMIN, reach: 'below' } },
  { method: 'GET', path: '/api/visit-overview/{unitId}', functionId: 'visitOverview', access: { roles: ['leader', 'organiser', 'admin'], reach: 'below' } },
];
