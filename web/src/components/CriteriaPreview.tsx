import { useEffect, useMemo, useState } from 'react';
import { figuresOfSelfAssessment, type SelfAssessment } from '../../../domain/forms/self-assessment.ts';
import { evaluateCriteria, type Criterion } from '../../../domain/recognition/criteria.ts';
import { request } from '../api.ts';

/**
 * The cycle's criteria checked as the chi đoàn types, with the same rules the workflow applies,
 * so a shortfall shows before anything is sent.
 */
export function CriteriaPreview({ cycleId, data }: { cycleId: string; data: Partial<SelfAssessment> }) {
  const [criteria, setCriteria] = useState<Criterion[]>();

  useEffect(() => {
    request<{ criteria: Criterion[] }>('GET', `/api/cycles/${encodeURIComponent(cycleId)}`)
      .then((cycle) => setCriteria(cycle.criteria))
      .catch(() => setCriteria(undefined));
  }, [cycleId]);

  const results = useMemo(() => (criteria ? evaluateCriteria(criteria, figuresOfSelfAssessment(data)) : []), [criteria, data]);
  if (!criteria) return null;
  const passed = results.filter((result) => result.pass).length;
  return (
    <details className="preview" open aria-live="polite">
      <summary>
        Tự kiểm tra: đạt {passed}/{results.length} tiêu chí
      </summary>
      <ul>
        {results.map((result) => (
          <li key={result.criterionId} className={result.pass ? 'pass' : 'fail'} data-testid={`criterion-${result.number}`}>
            {result.pass ? '✓' : '✗'} {result.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
