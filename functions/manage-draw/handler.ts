import { randomBytes } from 'node:crypto';
import { requireRole } from '../../domain/access.ts';
import { commitmentOf, DEFAULT_SAMPLING_RULE } from '../../domain/appraisal/draw.ts';
import { drawRequestSchema } from '../../domain/appraisal/requests.ts';
import { ConflictError, ForbiddenError } from '../../domain/errors.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { getDraw, openDraw } from '../shared/store/appraisals.ts';
import { closeIntakeAndDraw } from '../shared/tasks/draw-run.ts';
import { sealSeed } from '../shared/secrets/draw-seed.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { requireCycleVisible } from '../shared/access/cycle-access.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { httpHandler, json, jsonBody, type HttpEvent } from '../shared/edge/http.ts';
import { drawView } from '../shared/views/appraisal-views.ts';

/**
 * POST /api/draws: the upper level opens intake of its communes' reports for a cycle (a fresh
 * 256-bit seed is stored apart and its SHA-256 published) or closes it, which starts the draw's
 * state machine (the daily sweep does it the morning after the closing date if nobody has). Both
 * are idempotent: opening again or closing again changes nothing.
 */
export async function manageDraw(event: HttpEvent) {
  const identity = await identityOf(event);
  requireRole(identity, 'organiser', 'leader');
  const request = parseOrThrow(drawRequestSchema, jsonBody(event));
  if (identity.unitId !== request.unitId) throw new ForbiddenError('Chỉ cấp trên của Đoàn cấp xã mới được mở hoặc đóng nhận báo cáo của mình.');
  const cycle = await getCycle(request.cycleId);
  await requireCycleVisible(identity, cycle.scopeUnitId);
  if (cycle.templateId !== 'chi-doan-dat-chuan') throw new ConflictError('Chỉ quy trình "Chi đoàn đạt chuẩn" có bước thẩm định ngẫu nhiên.');
  const now = new Date();

  if (request.action === 'open') {
    const seed = randomBytes(32).toString('hex');
    const where = { cycleId: cycle.cycleId, upperUnitId: request.unitId };
    const draw = await openDraw(
      {
        cycleId: cycle.cycleId,
        upperUnitId: request.unitId,
        commitment: commitmentOf(seed),
        rule: { ...DEFAULT_SAMPLING_RULE, ...request.rule },
        status: 'open',
        openedAt: now.toISOString(),
        openedBy: identity.name,
        closesOn: request.closesOn ?? cycle.reports.find((report) => report.id === 'results-report')?.deadline,
      },
      await sealSeed(seed, where),
    );
    return json(200, drawView(draw));
  }

  const current = await getDraw(cycle.cycleId, request.unitId);
  if (!current) throw new ConflictError('Chưa mở nhận báo cáo: hãy mở nhận báo cáo (công bố mã cam kết) trước khi rút mẫu.');
  const draw = await closeIntakeAndDraw(cycle.cycleId, request.unitId, identity.name, now);
  return json(202, drawView(draw));
}

export const handler = httpHandler(manageDraw);
