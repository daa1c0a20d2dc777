import { useEffect, useMemo, useState } from 'react';
import { figuresOfSelfAssessment, selfAssessmentSchema, type SelfAssessment } from '../../../domain/forms/self-assessment.ts';
import { evaluateCriteria, type Criterion } from '../../../domain/recognition/criteria.ts';
import { loadCycle } from '../useCycle.ts';
import { typedIssues } from '../forms/typed-errors.ts';

/**
 * The cycle's criteria checked as the chi đoàn types, with the same rules the workflow applies,
 * so a shortfall shows before anything is sent.
 */
export function CriteriaPreview({ cycleId, data }: { cycleId: string; data: Partial<SelfAssessment> }) {
  const [criteria, setCriteria] = useState<Criterion[]>();

  useEffect(() => {
    loadCycle(cycleId)
      .then((cycle) => setCriteria(cycle.criteria))
      .catch(() => setCriteria(undefined));
  }, [cycleId]);

  const results = useMemo(() => (criteria ? evaluateCriteria(criteria, figuresOfSelfAssessment(data)) : []), [criteria, data]);
  // A value typed but impossible (−1 violators, 101%) is never read as "met".
  const invalid = useMemo(() => new Set(typedIssues(selfAssessmentSchema, data).map((issue) => String(issue.path[0]))), [data]);
  if (!criteria) return null;
  const shown = results.map((result) =>
    invalid.has(`criterion${result.number}`) ? { ...result, pass: false, reason: `Tiêu chí ${result.number}: số liệu chưa hợp lệ, xem ô báo lỗi bên dưới` } : result,
  );
  const passed = shown.filter((result) => result.pass).length;
  return (
    <details className="preview" open aria-live="polite">
      <summary>
        Tự kiểm tra: đạt {passed}/{shown.length} tiêu chí
      </summary>
      <ul>
        {shown.map((result) => (
          <li key={result.criterionId} className={result.pass ? 'pass' : 'fail'} data-testid={`criterion-${result.number}`}>
            {result.pass ? '✓' : '✗'} {result.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
