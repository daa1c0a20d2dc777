import { verifyDraw } from '../../domain/appraisal/draw.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import * as z from 'zod';
import type { Role } from '../../domain/roles.ts';
import { getAssignments, getDraw, listSamples } from '../shared/store/appraisals.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { XLSX_TYPE } from '../shared/edge/spreadsheets.ts';
import { sampleFileName, sampleXlsx } from '../shared/views/sample-xlsx.ts';
import { identityOf } from '../shared/edge/auth.ts';
import { getCycle } from '../shared/store/cycles.ts';
import { attachment, httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';
import { getUnit } from '../shared/store/units.ts';
import { drawView } from '../shared/views/appraisal-views.ts';

const EXPORTERS: Role[] = ['secretary', 'organiser', 'leader', 'admin'];

const querySchema = z.object({ format: z.enum(['json', 'xlsx'], { error: 'Định dạng là json hoặc xlsx.' }).default('json') });

/**
 * GET /api/draws/{cycleId}/{unitId}: an upper level's draw as every unit concerned sees it: the
 * commitment from the moment intake opens; after the draw, the revealed seed, each commune's
 * reported list and sample, and the server's own recomputation (the page recomputes it again in
 * the browser). For the upper level, every unit below it and every level above it.
 * `?format=xlsx`: the sample and its findings as a workbook, for the upper level and above.
 */
export async function getDrawOfUnit(event: HttpEvent) {
  const identity = await identityOf(event);
  const { cycleId, unitId } = event.pathParameters ?? {};
  const { format } = parseOrThrow(querySchema, event.queryStringParameters ?? {});
  if (!cycleId || !unitId) throw new NotFoundError('Không tìm thấy đợt rút mẫu.');
  const [upper, viewer] = await Promise.all([getUnit(unitId), getUnit(identity.unitId)]);
  const concerned = viewer.unitId === upper.unitId || viewer.ancestors.includes(upper.unitId) || upper.ancestors.includes(viewer.unitId);
  if (!concerned) throw new ForbiddenError('Bạn không có quyền xem đợt rút mẫu này.');
  const [cycle, draw] = await Promise.all([getCycle(cycleId), getDraw(cycleId, unitId)]);
  if (!draw) return json(200, { cycle: { cycleId, title: cycle.title }, upper: { unitId, name: upper.name }, draw: undefined });
  const communes = draw.status === 'drawn' ? await listSamples(cycleId, unitId) : [];
  // Who appraises where, and what they found, is for the upper level and those above it.
  const mayExport = (viewer.unitId === upper.unitId || upper.ancestors.includes(viewer.unitId)) && identity.roles.some((role) => EXPORTERS.includes(role));
  if (format === 'xlsx') {
    if (!mayExport) throw new ForbiddenError('Danh sách mẫu thẩm định và kết quả do cấp trên tải về.');
    const assignments = await getAssignments(cycleId, communes.flatMap((commune) => [...commune.sampled, ...(commune.widened ?? [])]));
    const now = new Date();
    const body = await sampleXlsx({ cycleTitle: cycle.title, upperName: upper.name, drawnAt: draw.drawnAt }, communes, assignments, now);
    return attachment(body, XLSX_TYPE, sampleFileName(upper.name, now));
  }
  const verification = draw.seed && draw.status === 'drawn' ? verifyDraw({ seed: draw.seed, commitment: draw.commitment, cycleId, rule: draw.rule, communes }) : undefined;
  return json(200, {
    cycle: { cycleId, title: cycle.title },
    upper: { unitId, name: upper.name },
    draw: drawView(draw),
    communes: communes.map(({ communeId, communeName, reported, sampled, widened, results }) => ({ communeId, communeName, reported, sampled, widened: widened ?? [], results })),
    verification: verification && { commitmentMatches: verification.commitmentMatches, mismatches: verification.mismatches },
    mayExport: mayExport && draw.status === 'drawn',
  });
}

export const handler = httpHandler(getDrawOfUnit);
