import type { FunctionId } from './functions.ts';

/** HTTP API routes. Every route requires a signed-in user (JWT authorizer). */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: {name} is a path parameter. */
  path: string;
  functionId: FunctionId;
}

export const ROUTES: RouteDefinition[] = [
  { method: 'POST', path: '/api/submissions', functionId: 'submitForm' },
  { method: 'GET', path: '/api/submissions', functionId: 'listSubmissions' },
  { method: 'GET', path: '/api/submissions/{submissionId}', functionId: 'getSubmission' },
  { method: 'POST', path: '/api/submissions/{submissionId}/withdraw', functionId: 'withdrawSubmission' },
  { method: 'GET', path: '/api/units/{unitId}', functionId: 'getUnit' },
  { method: 'GET', path: '/api/drafts/{cycleId}/{formId}', functionId: 'drafts' },
  { method: 'PUT', path: '/api/drafts/{cycleId}/{formId}', functionId: 'drafts' },
  { method: 'DELETE', path: '/api/drafts/{cycleId}/{formId}', functionId: 'drafts' },
  { method: 'POST', path: '/api/evidence', functionId: 'requestEvidenceUpload' },
  { method: 'POST', path: '/api/evidence/{evidenceId}/confirm', functionId: 'confirmEvidence' },
  { method: 'GET', path: '/api/evidence/{evidenceId}', functionId: 'getEvidence' },
  { method: 'POST', path: '/api/decisions', functionId: 'decide' },
  { method: 'GET', path: '/api/decisions/{decisionId}', functionId: 'getDecision' },
  { method: 'GET', path: '/api/stuck-records', functionId: 'listStuckRecords' },
  { method: 'GET', path: '/api/standings/{cycleId}/{unitId}', functionId: 'getStanding' },
  { method: 'GET', path: '/api/inbox', functionId: 'inbox' },
  { method: 'GET', path: '/api/units/{unitId}/audit', functionId: 'verifyAudit' },
  { method: 'POST', path: '/api/imports', functionId: 'importDirectory' },
  { method: 'GET', path: '/api/imports/template', functionId: 'importTemplate' },
  { method: 'POST', path: '/api/cycles', functionId: 'createCycle' },
  { method: 'GET', path: '/api/cycles', functionId: 'listCycles' },
  { method: 'GET', path: '/api/cycles/{cycleId}', functionId: 'getCycle' },
  { method: 'POST', path: '/api/draws', functionId: 'manageDraw' },
  { method: 'GET', path: '/api/draws/{cycleId}/{unitId}', functionId: 'getDraw' },
  { method: 'GET', path: '/api/assignments', functionId: 'listAssignments' },
  { method: 'GET', path: '/api/assignments/{cycleId}/{unitId}', functionId: 'getAssignment' },
  { method: 'POST', path: '/api/appraisals', functionId: 'submitAppraisal' },
  { method: 'POST', path: '/api/sweeps', functionId: 'sweeps' },
  { method: 'GET', path: '/api/sweeps/{asOf}', functionId: 'sweeps' },
  { method: 'GET', path: '/api/notices', functionId: 'listNotices' },
];
