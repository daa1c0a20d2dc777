import { createHash, randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODEL_A_CRITERIA } from '../../domain/recognition/criteria.ts';
import { ROUTES } from '../../infra/catalog/routes.ts';
import { LOCAL_TABLE_NAME } from '../../infra/local/stack.ts';
import { evidenceRequest, SAMPLE_FILES } from '../support/evidence.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { MODEL_A, MODEL_B } from '../support/process.ts';
import { leavesOf, planSubmission, reportRequest, withValueAt } from '../support/samples.ts';
import { implementationPlanSample } from '../../domain/forms/implementation-plan.ts';

const ctx = localStackPerFile();

/**
 * Hostile input, generated from a valid request of every write route: each value replaced by
 * every other type and by the extremes, bodies that are not JSON or not objects, deep nesting,
 * odd keys, odd unicode, oversize; every path parameter of every route mangled. Nothing may answer
 * 5xx, every refusal speaks Vietnamese and names the field, and nothing refused is stored.
 */
interface WriteRoute {
  key: string;
  caller: string;
  path: string;
  method: string;
  body: () => Record<string, unknown>;
  /** Cases the route accepts by design, each with its reason below. */
  accepts?: (path: string, label: string) => boolean;
}

const WRITES: WriteRoute[] = [
  { key: 'POST /api/submissions', caller: 'bithu-tanphudong', method: 'POST', path: '/api/submissions', body: () => planSubmission() },
  {
    key: 'PUT /api/drafts/{cycleId}/{formId}',
    caller: 'bithu-tanphudong',
    method: 'PUT',
    path: `/api/drafts/${MODEL_A}/implementation-plan`,
    body: () => ({ data: structuredClone(implementationPlanSample), savedAt: new Date().toISOString() }),
    // A cleared answer is what a draft is for.
    accepts: (path, label) => path.startsWith('data.') && label === 'null',
  },
  { key: 'POST /api/evidence', caller: 'bithu-apphuthuan', method: 'POST', path: '/api/evidence', body: () => evidenceRequest(SAMPLE_FILES.png) },
  {
    key: 'POST /api/decisions',
    caller: 'bithu-tanphudong',
    method: 'POST',
    path: '/api/decisions',
    body: () => ({ idempotencyKey: randomUUID(), cycleId: MODEL_A, unitIds: ['sadec-tan-phu-dong-ap-phu-thuan'], action: 'return', reason: 'Thiếu biên bản.' }),
  },
  {
    key: 'POST /api/imports',
    caller: 'quantri-dongthap',
    method: 'POST',
    path: '/api/imports',
    body: () => ({ idempotencyKey: randomUUID(), fileName: 'don-vi.csv', content: Buffer.from('Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên\n').toString('base64') }),
  },
  {
    key: 'POST /api/cycles',
    caller: 'quantri-dongthap',
    method: 'POST',
    path: '/api/cycles',
    body: () => ({ templateId: 'chi-doan-dat-chuan', year: 2032, scopeUnitId: 'dong-thap', deadlines: { dossier: '2032-11-15' } }),
    // null means "no deadline for this step" in a cycle.
    accepts: (path, label) => path === 'deadlines.dossier' && label === 'null',
  },
  { key: 'POST /api/draws', caller: 'xaydungdoan-sadec', method: 'POST', path: '/api/draws', body: () => ({ cycleId: MODEL_A, unitId: 'sadec', action: 'open', closesOn: '2027-09-30' }) },
  {
    key: 'POST /api/appraisals',
    caller: 'thamdinh-sadec',
    method: 'POST',
    path: '/api/appraisals',
    body: () => ({
      idempotencyKey: randomUUID(),
      cycleId: MODEL_A,
      unitId: 'sadec-tan-phu-dong-ap-phu-thuan',
      data: { visitDate: '2027-06-12', findings: MODEL_A_CRITERIA.slice(0, 2).map((criterion) => ({ criterionId: criterion.id, finding: 'verified' })), minutes: [] },
    }),
  },
  {
    key: 'POST /api/reports',
    caller: 'bithu-tanphudong',
    method: 'POST',
    path: '/api/reports',
    body: () => reportRequest(),
  },
  { key: 'POST /api/sweeps', caller: 'quantri-dongthap', method: 'POST', path: '/api/sweeps', body: () => ({ asOf: '2027-03-02' }) },
  {
    key: 'POST /api/proposals',
    caller: 'xaydungdoan-sadec',
    method: 'POST',
    path: '/api/proposals',
    body: () => ({ idempotencyKey: randomUUID(), cycleId: MODEL_A, action: 'reject', units: [{ unitId: 'sadec-tan-phu-dong-ap-phu-thuan' }], reason: 'Thẩm định thực tế chưa đạt.' }),
  },
  {
    key: 'POST /api/forums',
    caller: 'bithu-sadec',
    method: 'POST',
    path: '/api/forums',
    body: () => ({ idempotencyKey: randomUUID(), cycleId: MODEL_B, title: 'Diễn đàn chia sẻ kinh nghiệm "3 chủ động"', date: '2028-03-26', unitIds: ['sadec-phuong-3'] }),
  },
  {
    key: 'POST /api/visits',
    caller: 'uvbch-dongthap',
    method: 'POST',
    path: '/api/visits',
    body: () => ({
      idempotencyKey: randomUUID(),
      status: 'done',
      unitId: 'sadec-tan-phu-dong-ap-phu-thuan',
      date: '2026-11-20',
      purpose: 'sinh-hoat-chi-doan',
      halfDay: true,
      report: {
        attended: true,
        found: 'Chi đoàn sinh hoạt đều',
        supported: 'Hướng dẫn kế hoạch',
        followUps: 'Kiểm tra lại tháng sau',
        evidence: [],
        meeting: { content: 'Sinh hoạt chủ điểm', quality: 'kha', membersPresent: 12, difficulties: 'Đoàn viên đi làm xa', advice: 'Gắn với công trình thanh niên' },
      },
    }),
  },
  {
    key: 'POST /api/visit-programmes',
    caller: 'quantri-dongthap',
    method: 'POST',
    path: '/api/visit-programmes',
    body: () => ({ year: 2031, scopeUnitId: 'dong-thap', targetDays: 60, monthlyPaceDays: 5, halfDayCredit: 0.5, purposes: [{ id: 'sinh-hoat-chi-doan', label: 'Dự sinh hoạt chi đoàn', meeting: true }] }),
  },
  {
    key: 'POST /api/proposals/{proposalId}/approve',
    caller: 'bithu-sadec',
    method: 'POST',
    path: '/api/proposals/khong-co-to-trinh/approve',
    body: () => ({ idempotencyKey: randomUUID(), place: 'Sa Đéc', signer: { name: 'Võ Thanh Tùng', title: 'Bí thư' } }),
  },
];

/** Values of another type than the one a field holds, and the extremes JSON can carry. */
function replacementsFor(value: unknown): { label: string; raw: string }[] {
  const all: Record<string, string> = {
    number: '42',
    'negative number': '-1',
    string: '"chữ"',
    boolean: 'true',
    null: 'null',
    array: '["a",1]',
    object: '{"a":1}',
    'huge number (1e309)': '1e309',
    'huge number (-1e200)': '-1e200',
    'tiny number (1e-200)': '1e-200',
    'unsafe integer (2^53+1)': '9007199254740993',
    'long string (20,000 characters)': JSON.stringify('ả'.repeat(20_000)),
  };
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const same: Record<string, string[]> = {
    number: ['number', 'negative number'],
    string: ['string', 'long string (20,000 characters)'],
    boolean: ['boolean'],
    object: ['object'],
    array: ['array'],
  };
  return Object.entries(all)
    .filter(([label]) => !(same[kind] ?? []).includes(label))
    .map(([label, raw]) => ({ label, raw }));
}

/** The request body with the value at `path` written as raw JSON text (1e309 is not a JS number). */
function bodyWith(body: Record<string, unknown>, path: string, raw: string): string {
  const marker = `__bad_input_${randomUUID()}__`;
  return JSON.stringify(withValueAt(body, path, marker)).replace(`"${marker}"`, raw);
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const ENGLISH = /\b(expected|received|invalid|required|undefined|NaN|object Object|Unexpected|JSON at|must be|string|number|boolean)\b/;

interface Answer {
  status: number;
  body: { message?: string; issues?: { field: string; message: string }[] } | undefined;
}

async function send(method: string, path: string, token: string, body?: string | Buffer): Promise<Answer> {
  const payload = typeof body === 'string' || body === undefined ? body : new Blob([new Uint8Array(body)]);
  const response = await fetch(`${ctx.local.stack.urls.app}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: payload });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = text ? (JSON.parse(text) as Answer['body']) : undefined;
  } catch {
    parsed = { message: text };
  }
  return { status: response.status, body: parsed };
}

/** The whole table, as a fingerprint: anything a refused request stored would change it. */
async function tableFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  const items: string[] = [];
  do {
    const page = await ctx.local.dynamo.send(new ScanCommand({ TableName: LOCAL_TABLE_NAME, ExclusiveStartKey, ConsistentRead: true }));
    for (const item of page.Items ?? []) items.push(JSON.stringify(item, Object.keys(item).sort()));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  for (const item of items.sort()) hash.update(item);
  return `${items.length}:${hash.digest('hex')}`;
}

const tokens = new Map<string, string>();
beforeAll(async () => {
  for (const caller of new Set(WRITES.map((write) => write.caller))) tokens.set(caller, await ctx.local.signIn(caller));
});

/** What a refusal must say: Vietnamese, no English from a library, the field named when one was changed. */
function problemsWith(answer: Answer, field: string | undefined): string[] {
  const problems: string[] = [];
  const message = answer.body?.message ?? '';
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (answer.status < 400) problems.push(`accepted (${answer.status})`);
  const texts = [message, ...(answer.body?.issues ?? []).map((issue) => issue.message)];
  if (!VIETNAMESE.test(message)) problems.push(`message not in Vietnamese: ${message.slice(0, 80)}`);
  const english = texts.find((text) => ENGLISH.test(text));
  if (english) problems.push(`English in: ${english.slice(0, 80)}`);
  if (field && answer.status === 400) {
    const fields = (answer.body?.issues ?? []).map((issue) => issue.field);
    const named = fields.some((named) => named !== '' && (field === named || field.startsWith(`${named}.`) || named.startsWith(`${field}.`)));
    if (!named) problems.push(`field ${field} not named (issues: ${fields.join(', ') || 'none'})`);
  }
  return problems;
}

describe('hostile input to every write route', () => {
  it.each(WRITES.map((write) => [write.key, write] as const))('%s: every value of the wrong type or out of range is refused in Vietnamese, naming the field, and nothing is stored', async (_, write) => {
    // Prepare
    const body = write.body();
    const cases = leavesOf(body)
      .flatMap(({ path, value }) => replacementsFor(value).map((replacement) => ({ path, ...replacement })))
      .filter((badCase) => !write.accepts?.(badCase.path, badCase.label));
    // Whole objects replaced too (an object where a list is expected, and so on).
    for (const key of Object.keys(body).filter((name) => body[name] && typeof body[name] === 'object')) {
      for (const raw of ['"chữ"', '42', 'null', Array.isArray(body[key]) ? '{"a":1}' : '["a"]']) cases.push({ path: key, label: `replaced by ${raw}`, raw });
    }
    const before = await tableFingerprint();
    const wrong: string[] = [];

    // Act
    for (const badCase of cases) {
      const answer = await send(write.method, write.path, tokens.get(write.caller)!, bodyWith(body, badCase.path, badCase.raw));
      for (const problem of problemsWith(answer, badCase.path)) wrong.push(`${badCase.path} = ${badCase.label}: ${problem}`);
    }
    const after = await tableFingerprint();

    // Assess
    expect(cases.length).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
    expect(after).toBe(before);
  });

  it('refuses bodies that are not a JSON object, deep nesting, odd keys, broken UTF-8 and oversize bodies, on every write route', async () => {
    // Prepare
    const deep = `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`;
    const shapes: { label: string; body: (valid: Record<string, unknown>) => string | Buffer; expect4xx: boolean | ((valid: Record<string, unknown>) => boolean) }[] = [
      { label: 'not JSON', body: () => '{"unfinished": ', expect4xx: true },
      { label: 'a list', body: () => '[1,2,3]', expect4xx: true },
      { label: 'a string', body: () => '"chữ"', expect4xx: true },
      { label: 'null', body: () => 'null', expect4xx: true },
      { label: 'empty', body: () => '', expect4xx: true },
      // Where the request has free-form data; elsewhere an unknown key is dropped, deep or not.
      { label: 'nesting 40 deep', body: (valid) => JSON.stringify({ ...valid, data: '__deep__' }).replace('"__deep__"', deep), expect4xx: (valid) => 'data' in valid },
      { label: 'prototype keys', body: (valid) => JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"":1,'), expect4xx: false },
      { label: 'broken UTF-8', body: (valid) => Buffer.concat([Buffer.from(JSON.stringify(valid).slice(0, -1)), Buffer.from(',"x":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]), expect4xx: false },
      { label: 'lone surrogates and direction marks', body: (valid) => JSON.stringify(valid).replace(/^\{/, '{"note":"\\ud800\\u202e\\u0000\\u200b",'), expect4xx: false },
      { label: '11 MB', body: (valid) => JSON.stringify({ ...valid, padding: 'x'.repeat(11 * 1024 * 1024) }), expect4xx: true },
    ];
    const wrong: string[] = [];

    // Act
    for (const write of WRITES) {
      for (const shape of shapes) {
        const answer = await send(write.method, write.path, tokens.get(write.caller)!, shape.body(write.body()));
        if (answer.status >= 500) wrong.push(`${write.key}, ${shape.label}: ${answer.status}`);
        const mustRefuse = typeof shape.expect4xx === 'function' ? shape.expect4xx(write.body()) : shape.expect4xx;
        if (mustRefuse && answer.status < 400) wrong.push(`${write.key}, ${shape.label}: accepted (${answer.status})`);
        // API Gateway answers an oversize body itself, in its own words; the web client words it for people.
        if (answer.status >= 400 && answer.status !== 413 && !VIETNAMESE.test(answer.body?.message ?? '')) wrong.push(`${write.key}, ${shape.label}: ${answer.status} ${answer.body?.message}`);
      }
    }

    // Assess
    expect(wrong).toEqual([]);
  });

  it('answers mangled path parameters on every route with a 4xx, never a 5xx', async () => {
    // Prepare
    const admin = await ctx.local.signIn('quantri-dongthap');
    const mangled = ['x'.repeat(3000), '%F0%9F', '..%2F..%2Fetc', '%3Cscript%3E', 'Ph%C3%BA%20Thu%E1%BA%ADn', '%00', '%E0%A4%A'];
    const wrong: string[] = [];
    let requests = 0;

    // Act
    for (const route of ROUTES.filter((candidate) => candidate.path.includes('{'))) {
      for (const value of mangled) {
        const path = route.path.replace(/\{[^}]+\}/g, value);
        const answer = await send(route.method, path, admin, route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}');
        requests++;
        if (answer.status >= 500 || answer.status < 400) wrong.push(`${route.method} ${path.slice(0, 60)}: ${answer.status}`);
      }
    }

    // Assess
    expect(requests).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
