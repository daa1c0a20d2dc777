import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../domain/identity.ts';
import { MODEL_A_CRITERIA } from '../../domain/recognition/criteria.ts';
import type { Role } from '../../domain/roles.ts';
import { parseSubmissionRequest } from '../../domain/submission.ts';
import { provisionAccount } from '../../functions/shared/dispatch/sign-in-accounts.ts';
import { storeDecision } from '../../functions/shared/store/decisions.ts';
import { issueDecision, storeProposal } from '../../functions/shared/store/board-decisions.ts';
import { storeReport } from '../../functions/shared/store/reports.ts';
import { createEvidence } from '../../functions/shared/store/evidence.ts';
import { storeSubmission } from '../../functions/shared/store/submissions.ts';
import { putUsers } from '../../functions/shared/store/users.ts';
import { ROUTES, type Reach, type RouteDefinition } from '../../infra/catalog/routes.ts';
import { evidenceRequest, SAMPLE_FILES } from '../support/evidence.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { MODEL_A, MODEL_B } from '../support/process.ts';
import { planSubmission, reportRequest } from '../support/samples.ts';

const ctx = localStackPerFile();

/**
 * Every route × every role × the caller's own unit, a unit below it, a sibling and the level above,
 * judged against the access each route states in the catalogue. The callers all sit at one commune
 * (Tân Phú Đông), so each place is real: its chi đoàn below, a sibling commune, the city above.
 */
const PLACES = { own: 'sadec-tan-phu-dong', below: 'sadec-tan-phu-dong-ap-phu-thuan', sibling: 'sadec-phuong-3', above: 'sadec' } as const;
type Place = keyof typeof PLACES;
const PLACE_NAMES = Object.keys(PLACES) as Place[];

const CALLERS: Record<Role, string> = {
  secretary: 'bithu-tanphudong',
  organiser: 'matrix-organiser',
  leader: 'matrix-leader',
  appraiser: 'matrix-appraiser',
  admin: 'matrix-admin',
  cadre: 'matrix-cadre',
};
const ROLES = Object.keys(CALLERS) as Role[];

/** Per place: a record of that unit each resource route can name. */
interface Fixtures {
  submission: Record<Place, string>;
  evidence: Record<Place, string>;
  decision: Record<Place, string>;
  cycle: Record<Place, string>;
  proposal: Record<Place, string>;
  boardDecision: Record<Place, string>;
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

interface Case {
  /** False when the request names no place: it is made once per role, as the caller's own. */
  placed: boolean;
  call: (unitId: string, place: Place, role: Role, fixtures: Fixtures) => Call;
  /** How a refusal by role or place looks, when not any 403 or 404 (an import refuses the row). */
  refusedByPlace?: (status: number, body: Record<string, unknown>) => boolean;
}

const asOf = '2027-03-02';
const ACCESS_REFUSALS = ['Tài khoản của bạn không có quyền thực hiện thao tác này.', 'Bạn không có quyền xem dữ liệu của đơn vị này.'];
const CASES: Record<string, Case> = {
  'POST /api/submissions': { placed: false, call: () => ({ method: 'POST', path: '/api/submissions', body: planSubmission() }) },
  'GET /api/submissions': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/submissions?unitId=${unitId}` }) },
  'GET /api/submissions/{submissionId}': { placed: true, call: (_, place, __, f) => ({ method: 'GET', path: `/api/submissions/${f.submission[place]}` }) },
  'POST /api/submissions/{submissionId}/withdraw': { placed: true, call: (_, place, __, f) => ({ method: 'POST', path: `/api/submissions/${f.submission[place]}/withdraw` }) },
  'GET /api/units/{unitId}': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/units/${unitId}` }) },
  'GET /api/drafts/{cycleId}/{formId}': { placed: false, call: () => ({ method: 'GET', path: `/api/drafts/${MODEL_A}/implementation-plan` }) },
  'PUT /api/drafts/{cycleId}/{formId}': {
    placed: false,
    call: () => ({ method: 'PUT', path: `/api/drafts/${MODEL_A}/implementation-plan`, body: { data: { goal: 'Nháp' }, savedAt: new Date().toISOString() } }),
  },
  'DELETE /api/drafts/{cycleId}/{formId}': { placed: false, call: () => ({ method: 'DELETE', path: `/api/drafts/${MODEL_A}/implementation-plan` }) },
  'POST /api/evidence': {
    placed: false,
    call: (_, __, role) => ({ method: 'POST', path: '/api/evidence', body: evidenceRequest(SAMPLE_FILES.png, role === 'appraiser' ? { formId: 'appraisal', field: 'minutes' } : {}) }),
  },
  'POST /api/evidence/{evidenceId}/confirm': { placed: true, call: (_, place, __, f) => ({ method: 'POST', path: `/api/evidence/${f.evidence[place]}/confirm` }) },
  'GET /api/evidence/{evidenceId}': { placed: true, call: (_, place, __, f) => ({ method: 'GET', path: `/api/evidence/${f.evidence[place]}` }) },
  'POST /api/decisions': {
    placed: true,
    call: (unitId) => ({ method: 'POST', path: '/api/decisions', body: { idempotencyKey: randomUUID(), cycleId: MODEL_A, unitIds: [unitId], action: 'confirm' } }),
    // Past the access check, the process itself says who takes which step ("only the direct upper level confirms").
    refusedByPlace: (status, body) => status === 404 || (status === 403 && ACCESS_REFUSALS.includes(body.message as string)),
  },
  'POST /api/proposals': {
    placed: true,
    call: (unitId) => ({ method: 'POST', path: '/api/proposals', body: { idempotencyKey: randomUUID(), cycleId: MODEL_A, action: 'recognise', units: [{ unitId }] } }),
    // Past the access check, the process says whose Ban Thường vụ decides ("not your board's to decide").
    refusedByPlace: (status, body) => status === 404 || (status === 403 && ACCESS_REFUSALS.includes(body.message as string)),
  },
  'GET /api/proposals/{cycleId}/{unitId}': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/proposals/${MODEL_A}/${unitId}` }) },
  'POST /api/proposals/{proposalId}/approve': {
    placed: true,
    call: (_, place, __, f) => ({ method: 'POST', path: `/api/proposals/${f.proposal[place]}/approve`, body: { idempotencyKey: randomUUID(), place: 'Thử', signer: { name: 'Người ký', title: 'Bí thư' } } }),
  },
  'POST /api/forums': {
    placed: true,
    call: (unitId) => ({ method: 'POST', path: '/api/forums', body: { idempotencyKey: randomUUID(), cycleId: MODEL_B, title: 'Diễn đàn thử', date: '2028-03-26', unitIds: [unitId] } }),
  },
  'GET /api/board-decisions/{decisionId}': { placed: true, call: (_, place, __, f) => ({ method: 'GET', path: `/api/board-decisions/${f.boardDecision[place]}` }) },
  'GET /api/decisions/{decisionId}': { placed: true, call: (_, place, __, f) => ({ method: 'GET', path: `/api/decisions/${f.decision[place]}` }) },
  'GET /api/stuck-records': { placed: false, call: () => ({ method: 'GET', path: '/api/stuck-records' }) },
  'GET /api/standings/{cycleId}/{unitId}': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/standings/${MODEL_A}/${unitId}` }) },
  'GET /api/inbox': { placed: false, call: () => ({ method: 'GET', path: `/api/inbox?cycle=${MODEL_A}` }) },
  'GET /api/units/{unitId}/audit': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/units/${unitId}/audit` }) },
  'POST /api/imports': {
    placed: true,
    call: (unitId, place, role) => {
      const csv = `Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên,Chi đoàn địa bàn dân cư\nmatrix-${role}-${place},Chi đoàn thử ${role} ${place},Chi đoàn,${unitId},Có\n`;
      return { method: 'POST', path: '/api/imports', body: { idempotencyKey: randomUUID(), fileName: 'don-vi.csv', content: Buffer.from(csv).toString('base64') } };
    },
    refusedByPlace: (status, body) => status === 403 || (status === 400 && JSON.stringify(body.rows).includes('phạm vi đơn vị của bạn')),
  },
  'GET /api/imports/template': { placed: false, call: () => ({ method: 'GET', path: '/api/imports/template?format=csv&sheet=units' }) },
  'POST /api/cycles': {
    placed: true,
    call: (unitId) => ({ method: 'POST', path: '/api/cycles', body: { templateId: 'chi-doan-dat-chuan', year: 2031, scopeUnitId: unitId, deadlines: { dossier: '2031-11-15' } } }),
  },
  'GET /api/cycles': { placed: false, call: () => ({ method: 'GET', path: '/api/cycles' }) },
  'GET /api/cycles/{cycleId}': { placed: true, call: (_, place, __, f) => ({ method: 'GET', path: `/api/cycles/${f.cycle[place]}` }) },
  'POST /api/draws': { placed: true, call: (unitId, place, __, f) => ({ method: 'POST', path: '/api/draws', body: { cycleId: f.cycle[place], unitId, action: 'open' } }) },
  'GET /api/draws/{cycleId}/{unitId}': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/draws/${MODEL_A}/${unitId}` }) },
  'GET /api/assignments': { placed: false, call: () => ({ method: 'GET', path: `/api/assignments?cycle=${MODEL_A}` }) },
  'GET /api/assignments/{cycleId}/{unitId}': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/assignments/${MODEL_A}/${unitId}` }) },
  'POST /api/appraisals': {
    placed: true,
    call: (unitId) => ({
      method: 'POST',
      path: '/api/appraisals',
      body: { idempotencyKey: randomUUID(), cycleId: MODEL_A, unitId, data: { visitDate: '2027-06-12', findings: MODEL_A_CRITERIA.map((criterion) => ({ criterionId: criterion.id, finding: 'verified' })), minutes: [] } },
    }),
  },
  'POST /api/sweeps': { placed: false, call: () => ({ method: 'POST', path: '/api/sweeps', body: { asOf } }) },
  'GET /api/sweeps/{asOf}': { placed: false, call: () => ({ method: 'GET', path: `/api/sweeps/${asOf}` }) },
  'GET /api/dashboard/{cycleId}/{unitId}': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/dashboard/${MODEL_A}/${unitId}` }) },
  'POST /api/reports': { placed: false, call: () => ({ method: 'POST', path: '/api/reports', body: reportRequest() }) },
  'GET /api/reports/{cycleId}/{unitId}/{reportId}': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/reports/${MODEL_A}/${unitId}/results-report` }) },
  'GET /api/notices': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/notices?unit=${unitId}` }) },
  'GET /api/visits': { placed: false, call: () => ({ method: 'GET', path: '/api/visits?year=2027' }) },
  'POST /api/visits': {
    placed: true,
    call: (unitId) => ({ method: 'POST', path: '/api/visits', body: { idempotencyKey: randomUUID(), status: 'planned', unitId, date: '2027-05-10', purpose: 'sinh-hoat-chi-doan', halfDay: false } }),
  },
  'PUT /api/visits/{visitId}': { placed: false, call: () => ({ method: 'PUT', path: '/api/visits/khong-co', body: { report: { attended: true } } }) },
  'POST /api/visit-photos': {
    placed: true,
    call: (unitId) => ({ method: 'POST', path: '/api/visit-photos', body: { ...evidenceRequest(SAMPLE_FILES.png), formId: 'visit-report', field: 'photos', cycleId: 'visits-2027-dong-thap', unitId } }),
  },
  'POST /api/visit-photos/{evidenceId}/confirm': { placed: true, call: (_, place, __, f) => ({ method: 'POST', path: `/api/visit-photos/${f.evidence[place]}/confirm` }) },
  'POST /api/visit-programmes': { placed: true, call: (unitId) => ({ method: 'POST', path: '/api/visit-programmes', body: { year: 2031, scopeUnitId: unitId } }) },
  'GET /api/visit-overview/{unitId}': { placed: true, call: (unitId) => ({ method: 'GET', path: `/api/visit-overview/${unitId}` }) },
};

const routeKey = (route: RouteDefinition) => `${route.method} ${route.path}`;

/** What the catalogue says: may this role reach this place through this route? */
function permitted(route: RouteDefinition, role: Role, place: Place, placed: boolean): boolean {
  const { roles, reach, levels } = route.access;
  if (roles !== 'signed-in' && !roles.includes(role)) return false;
  // The callers all sit at a commune.
  if (levels && !levels.includes('commune')) return false;
  const reaches: Record<Reach, Place[]> = {
    below: role === 'appraiser' ? ['own'] : ['own', 'below'],
    under: role === 'appraiser' ? [] : ['below'],
    line: ['own', 'below', 'above'],
    own: ['own'],
    // The matrix's appraiser has no assignment: every named chi đoàn is refused.
    assigned: [],
    // The callers sit at a commune, not the top of the tree.
    top: [],
    none: PLACE_NAMES,
  };
  if (!placed) return reach !== 'top';
  return reaches[reach].includes(place);
}

async function makeFixtures(): Promise<Fixtures> {
  const fixtures: Fixtures = { submission: {}, evidence: {}, decision: {}, cycle: {}, proposal: {}, boardDecision: {} } as Fixtures;
  const admin = await ctx.local.signIn('quantri-dongthap');
  const now = new Date();
  for (const place of PLACE_NAMES) {
    const unitId = PLACES[place];
    const maker: Identity = { userId: CALLERS.appraiser, name: 'Người lập', email: 'lap@sadec.doan.example', roles: ['secretary'], unitId };
    const request = parseSubmissionRequest(planSubmission());
    const { submission } = await storeSubmission(request, maker, now, undefined, (submissionId) => ({ workflow: 'chi-doan-dat-chuan', name: submissionId, input: { kind: 'submission', id: submissionId, step: 1 } }));
    fixtures.submission[place] = submission.submissionId;
    const evidenceInput = { ...evidenceRequest(SAMPLE_FILES.png), contentType: 'image/png' as const, formId: 'self-assessment' as const };
    fixtures.evidence[place] = (await createEvidence(evidenceInput, maker, now)).evidenceId;
    const decisionId = `matrix-decision-${place}`;
    await storeDecision(
      { decisionId, cycleId: MODEL_A, unitId, action: 'confirm', decidedBy: { userId: 'lap', name: 'Người lập', roles: ['secretary'], unitId }, decidedAt: now.toISOString(), status: 'refused', refusal: 'Mẫu thử.' },
      { workflow: 'chi-doan-dat-chuan', name: decisionId, input: { kind: 'decision', id: decisionId, step: 3 } },
      now,
    );
    fixtures.decision[place] = decisionId;
    // A tờ trình of this place's Ban Thường vụ (naming a unit it cannot decide: approving it is refused by the process), and a decision it issued.
    const proposal = { proposalId: `matrix-proposal-${place}`, cycleId: MODEL_A, cycleTitle: 'Thử', upperUnitId: unitId, action: 'recognise' as const, units: [{ unitId: PLACES.below, name: 'Thử' }], proposedBy: maker, proposedAt: now.toISOString(), status: 'proposed' as const };
    fixtures.proposal[place] = (await storeProposal(proposal)).proposalId;
    const issued = { ...proposal, proposalId: `matrix-issued-${place}` };
    await storeProposal(issued);
    const boardDecision = {
      decisionId: `matrix-board-${place}`,
      number: `1-QĐ/${place}`,
      sequence: 1,
      year: 2090,
      date: '2090-01-02',
      place: 'Thử',
      cycleId: MODEL_A,
      cycleTitle: 'Thử',
      templateId: 'chi-doan-dat-chuan',
      cycleYear: 2090,
      issuer: { unitId, name: 'Thử' },
      action: 'recognise' as const,
      // Names a unit in its own line (the sibling's names itself): below the issuer, only those named see it.
      units: [{ unitId: place === 'sibling' ? PLACES.sibling : PLACES.below, name: 'Thử' }],
      signer: { name: 'Người ký', title: 'Bí thư' as const },
      proposalId: issued.proposalId,
      proposedBy: maker,
      approvedBy: maker,
      approvedAt: now.toISOString(),
    };
    await issueDecision(boardDecision, [], now);
    fixtures.boardDecision[place] = boardDecision.decisionId;
    const total = { unitId, name: 'Thử', kind: 'commune' as const, eligible: 0, byState: {}, notStarted: 0, registered: 0, recognised: 0, registrationGap: 0, recognitionGap: 0, reportsSent: [], verified: 0, notAsClaimed: 0, sampled: 0, late: 0, lateByDuty: {} };
    await storeReport(
      { ...reportRequest(), reportId: 'results-report', signer: { name: 'Người ký', title: 'Bí thư' }, number: '', cycleTitle: 'Thử', unitId, unitName: 'Thử', figures: { templateId: 'chi-doan-dat-chuan', targets: {}, total, rows: [] }, version: 1, sentAt: now.toISOString(), sentBy: { userId: 'lap', name: 'Người lập' } },
      undefined,
      undefined,
    );
    const cycle = await ctx.local.api<{ cycleId: string }>('POST', '/api/cycles', admin, { templateId: 'chi-doan-dat-chuan', year: 2030, scopeUnitId: unitId, deadlines: { dossier: '2030-11-15' } });
    expect(cycle.status).toBe(201);
    fixtures.cycle[place] = cycle.body.cycleId;
  }
  return fixtures;
}

/** Like the test stack's api(), but a template answers with a file, not JSON. */
async function send(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${ctx.local.stack.urls.app}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: json ? ((await response.json()) as Record<string, unknown>) : { bytes: (await response.arrayBuffer()).byteLength } };
}

let fixtures: Fixtures;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  const extra = ROLES.filter((role) => role !== 'secretary').map((role) => ({
    userId: CALLERS[role],
    name: `Thử quyền ${role}`,
    email: `${CALLERS[role]}@sadec.doan.example`,
    roles: [role],
    unitId: PLACES.own,
  }));
  await putUsers(extra);
  for (const user of extra) await provisionAccount(user, { invite: false });
  for (const role of ROLES) tokens[role] = await ctx.local.signIn(CALLERS[role]);
  fixtures = await makeFixtures();
  // The secretary's draft exists, so reading it is a 200 and not "no draft yet".
  const saved = await ctx.local.api('PUT', `/api/drafts/${MODEL_A}/implementation-plan`, tokens.secretary, { data: { goal: 'Nháp' }, savedAt: new Date().toISOString() });
  expect(saved.status).toBe(200);
});

describe('the authorisation matrix', () => {
  it('has a case for every route in the catalogue, and no case for a route that is gone', () => {
    // Assess: a new route fails here until its access is stated and walked.
    expect(Object.keys(CASES).sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it.each(ROUTES.map((route) => [routeKey(route), route] as const))('%s: each role reaches exactly the places the catalogue grants', async (_, route) => {
    // Prepare
    const testCase = CASES[routeKey(route)]!;
    const wrong: string[] = [];

    // Act
    for (const role of ROLES) {
      for (const place of testCase.placed ? PLACE_NAMES : (['own'] as Place[])) {
        const { method, path, body } = testCase.call(PLACES[place], place, role, fixtures);
        const response = await send(method, path, tokens[role], body);
        const refused = testCase.refusedByPlace ? testCase.refusedByPlace(response.status, response.body) : response.status === 403 || response.status === 404;
        const expected = permitted(route, role, place, testCase.placed);
        const fine = expected ? !refused && response.status !== 401 && response.status < 500 : refused;
        if (!fine) wrong.push(`${role} → ${place}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)} (expected ${expected ? 'allowed' : 'refused'})`);
      }
    }

    // Assess
    expect(wrong).toEqual([]);
  });

  it('lets the admin at the top of the tree run the sweep and read the stuck records', async () => {
    // Prepare
    const top = await ctx.local.signIn('quantri-dongthap');

    // Act
    const sweep = await ctx.local.api('POST', '/api/sweeps', top, { asOf });
    const stuck = await ctx.local.api('GET', '/api/stuck-records', top);

    // Assess
    expect(sweep.status).toBe(202);
    expect(stuck.status).toBe(200);
  });
});
