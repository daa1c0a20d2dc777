import { html } from '../html.ts';
import type { Change } from '../process/transitions.ts';
import { NEXT_STEP, STATE_LABELS, type StandingState } from '../process/states.ts';
import type { Role } from '../roles.ts';
import type { MailMessage } from './message.ts';

/**
 * Who is told what when a unit's standing changes: each change that needs someone's action (or
 * closes the matter for the unit) mails the people of one unit with given roles. Every message
 * says why the recipient gets it, what happened, what to do, and links to the place to act.
 */
export interface NoticePlan {
  /** Stable per event, unit and audience: a retried task finds the same notice. */
  noticeId: string;
  audience: { unitId: string; roles: Role[] };
  message: (to: string[]) => MailMessage;
}

interface Target {
  levelsUp: 0 | 1 | 2;
  roles: Role[];
  why: string;
  action: string;
}

const UNIT_SECRETARY: Target = { levelsUp: 0, roles: ['secretary', 'leader'], why: 'là Bí thư của đơn vị', action: 'Xem hồ sơ' };
const COMMUNE: Target = { levelsUp: 1, roles: ['secretary', 'leader'], why: 'là Bí thư của Đoàn cấp trên trực tiếp', action: 'Mở hộp việc cần xử lý' };
const UPPER: Target = { levelsUp: 2, roles: ['organiser', 'leader'], why: 'phụ trách xét công nhận của cấp trên', action: 'Mở hộp việc cần xử lý' };
const DIRECT_UPPER: Target = { levelsUp: 1, roles: ['organiser', 'leader'], why: 'phụ trách xét công nhận của cấp trên trực tiếp', action: 'Mở hộp việc cần xử lý' };

/**
 * Which audiences each new state mails. States not listed mail nobody: the actor did it. A unit's
 * own submission is answered by its receipt (with the criteria result), not by a second email.
 */
const AUDIENCES: Partial<Record<StandingState, Target[]>> = {
  'awaiting-confirmation': [COMMUNE],
  returned: [UNIT_SECRETARY],
  reported: [UPPER],
  recognised: [UNIT_SECRETARY, COMMUNE],
  'not-recognised': [UNIT_SECRETARY, COMMUNE],
  revoked: [UNIT_SECRETARY, COMMUNE],
  planned: [DIRECT_UPPER],
  'cadre-assigned': [UNIT_SECRETARY],
  evaluated: [DIRECT_UPPER],
};

export interface NoticeContext {
  eventId: string;
  unitName: string;
  ancestors: string[];
  cycleTitle: string;
  appUrl: string;
}

export function noticesFor(change: Change, context: NoticeContext): NoticePlan[] {
  const state = change.after.state;
  if (change.before?.state === state) return [];
  const targets = AUDIENCES[state] ?? [];
  const link = `${context.appUrl}/units/${encodeURIComponent(change.unitId)}?cycle=${encodeURIComponent(change.after.cycleId)}`;
  const inbox = `${context.appUrl}/inbox?cycle=${encodeURIComponent(change.after.cycleId)}`;
  return targets.flatMap((target) => {
    const unitId = target.levelsUp === 0 ? change.unitId : context.ancestors.at(-target.levelsUp);
    if (!unitId) return [];
    const url = target.levelsUp === 0 ? link : inbox;
    const subject = `${STATE_LABELS[state]}: ${context.unitName}`;
    const details = [
      ...(change.after.criteria?.filter((result) => !result.pass).map((result) => result.reason) ?? []),
      ...(change.after.reason ? [`Lý do: ${change.after.reason}`] : []),
      ...(change.after.cadre && state === 'cadre-assigned' ? [`Cán bộ theo dõi: ${change.after.cadre}`] : []),
    ];
    return [
      {
        noticeId: `${context.eventId}:${change.unitId}:${target.levelsUp}`,
        audience: { unitId, roles: target.roles },
        message: (to: string[]): MailMessage => ({
          to,
          subject,
          text: [
            'Kính gửi đồng chí,',
            '',
            `${context.cycleTitle}: ${context.unitName} — ${STATE_LABELS[state]}.`,
            `Việc tiếp theo: ${NEXT_STEP[state]}`,
            ...details.map((line) => `- ${line}`),
            '',
            `${target.action}: ${url}`,
            '',
            `Đồng chí nhận thư này vì ${target.why} trên hệ thống công nhận.`,
          ].join('\n'),
          html:
            html`<p>Kính gửi đồng chí,</p>
<p>${context.cycleTitle}: <strong>${context.unitName}</strong> — ${STATE_LABELS[state]}.</p>
<p>Việc tiếp theo: ${NEXT_STEP[state]}</p>` +
            (details.length > 0 ? `<ul>${details.map((line) => html`<li>${line}</li>`).join('')}</ul>` : '') +
            html`<p><a href="${url}">${target.action}</a></p>
<p style="color:#666">Đồng chí nhận thư này vì ${target.why} trên hệ thống công nhận.</p>`,
        }),
      },
    ];
  });
}
