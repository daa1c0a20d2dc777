import { identityOf } from '../shared/edge/auth.ts';
import { cycleScopesOf } from '../shared/access/cycle-access.ts';
import { listCyclesInScope } from '../shared/store/cycles.ts';
import { httpHandler, json, type HttpEvent } from '../shared/edge/http.ts';

/** GET /api/cycles: the cycles that apply to the user's unit, from every level above it. */
export async function listCycles(event: HttpEvent) {
  const identity = await identityOf(event);
  const scopes = await cycleScopesOf(identity);
  // One index query per level above: a handful, whatever the size of the country.
  const cycles = (await Promise.all(scopes.map(listCyclesInScope))).flat();
  return json(200, {
    items: cycles.map(({ cycleId, title, year, templateId, scopeUnitId, steps, reports }) => ({
      cycleId,
      title,
      year,
      templateId,
      scopeUnitId,
      steps: steps.map(({ id, number, title: stepTitle, deadline }) => ({ id, number, title: stepTitle, deadline })),
      reports: reports.map(({ id, title: reportTitle, deadline }) => ({ id, title: reportTitle, deadline })),
    })),
  });
}

export const handler = httpHandler(listCycles);
