import type { Visit } from '../../../domain/visits/visit.ts';

/** A visit as the cadre, the unit visited and the leaders above read it. */
export function visitView(visit: Visit) {
  return {
    visitId: visit.visitId,
    cadreName: visit.cadreName,
    cadreUnitId: visit.cadreUnitId,
    unitId: visit.unitId,
    unitName: visit.unitName,
    date: visit.date,
    purpose: visit.purpose,
    purposeLabel: visit.purposeLabel,
    halfDay: visit.halfDay,
    status: visit.status,
    report: visit.report,
    loggedAt: visit.loggedAt,
  };
}
