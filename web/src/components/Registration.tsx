import type { RJSFSchema } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { registrableBranches, registrationShare } from '../../../domain/forms/registration.ts';
import type { Unit } from '../../../domain/organisation.ts';
import { currentSession, request } from '../api.ts';

/** The commune's residential chi đoàn, the only ones it may register; undefined while loading. */
export function useRegistrableBranches(enabled: boolean): Unit[] | undefined {
  const [branches, setBranches] = useState<Unit[]>();
  const unitId = currentSession()?.user.unitId;
  useEffect(() => {
    if (!enabled || !unitId) return;
    request<{ children: Unit[] }>('GET', `/api/units/${encodeURIComponent(unitId)}`)
      .then((result) => setBranches(registrableBranches(result.children)))
      .catch(() => setBranches([]));
  }, [enabled, unitId]);
  return branches;
}

/** The schema with the registrable chi đoàn as the only choices. */
export function withBranchChoices(schema: RJSFSchema, branches: Unit[]): RJSFSchema {
  const properties = schema.properties as Record<string, RJSFSchema>;
  return {
    ...schema,
    properties: {
      ...properties,
      branchIds: { ...properties.branchIds, uniqueItems: true, items: { type: 'string', enum: branches.map((unit) => unit.unitId) } },
    },
  };
}

export function branchChoiceUi(branches: Unit[]) {
  return { branchIds: { 'ui:widget': 'checkboxes', 'ui:enumNames': branches.map((unit) => unit.name) } };
}

/** "Đã đăng ký 4/5 chi đoàn (80%) — chỉ tiêu ít nhất 90%: còn thiếu 1 chi đoàn." as they tick. */
export function RegistrationShareView({ target, registered, total }: { target: number; registered: number; total: number }) {
  const share = registrationShare(registered, total, target);
  return (
    <p className={`share ${share.meetsTarget ? 'pass' : 'fail'}`} role="status" data-testid="registration-share">
      {share.summary}
    </p>
  );
}
