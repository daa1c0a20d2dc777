import type { DrawRecord } from '../../../domain/appraisal/records.ts';

/** A draw as anyone may see it: the seed only once revealed (it is stored apart until then anyway). */
export function drawView(draw: DrawRecord) {
  const { noticeIds: _notices, ...view } = draw;
  return { ...view, seed: draw.status === 'drawn' ? draw.seed : undefined };
}
