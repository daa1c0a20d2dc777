import * as z from 'zod';
import { FIGURE_IDS, FIGURES, type FigureDefinition, type FigureId, type Figures } from './figures.ts';
import { lowerFirst } from '../text.ts';

/**
 * The rule language criteria are written in: thresholds on figures, combined with all-of /
 * any-of. Rules are data, so each cycle (and province) can set its own numbers.
 */
export type Rule =
  | { kind: 'atLeast'; figure: FigureId; value: number }
  | { kind: 'atMost'; figure: FigureId; value: number }
  | { kind: 'isTrue'; figure: FigureId }
  | { kind: 'allOf'; rules: Rule[] }
  | { kind: 'anyOf'; rules: Rule[] };

/** Figures are counts and shares: no threshold goes past a million. */
const threshold = z.number().min(0).max(1_000_000);
/** A rule nests a few levels in practice; deeper is a mistake (and past what the table stores). */
export const MAX_RULE_DEPTH = 5;

export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('atLeast'), figure: z.enum(FIGURE_IDS), value: threshold }),
    z.object({ kind: z.literal('atMost'), figure: z.enum(FIGURE_IDS), value: threshold }),
    z.object({ kind: z.literal('isTrue'), figure: z.enum(FIGURE_IDS) }),
    z.object({ kind: z.literal('allOf'), rules: z.array(ruleSchema).min(1).max(20) }),
    z.object({ kind: z.literal('anyOf'), rules: z.array(ruleSchema).min(2).max(20) }),
  ]),
);

/** How many levels a rule nests; a value past MAX_RULE_DEPTH is refused before it is parsed. */
export function ruleDepth(rule: unknown, depth = 1): number {
  if (depth > MAX_RULE_DEPTH + 1 || !rule || typeof rule !== 'object' || !Array.isArray((rule as { rules?: unknown }).rules)) return depth;
  return Math.max(depth, ...((rule as { rules: unknown[] }).rules.map((child) => ruleDepth(child, depth + 1))));
}

export interface RuleOutcome {
  pass: boolean;
  /** What falls short, in Vietnamese; empty when the rule passes. */
  shortfalls: string[];
}

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Numbers as Vietnamese write them: 99,9 (a comma before decimals). */
function vietnameseNumber(value: number | boolean | string): string {
  return typeof value === 'number' ? NUMBER.format(value) : String(value);
}

/** A required count as the seed writes it: two digits below ten ("ít nhất 05 đoàn viên"). */
function requiredCount(figure: FigureId, target: number | string): string {
  return FIGURES[figure].type === 'count' && typeof target === 'number' && Number.isInteger(target) && target < 10 ? String(target).padStart(2, '0') : vietnameseNumber(target);
}

function shortfall(figure: FigureId, actual: number | boolean | undefined, target: number | string): string {
  const definition: FigureDefinition = FIGURES[figure];
  // A figure not given yet is said so, rather than read as zero.
  if (actual === undefined && definition.type !== 'yesNo') return `chưa có số liệu "${lowerFirst(definition.label)}"`;
  const template = actual === 0 && definition.none ? definition.none : definition.shortfall;
  return template.replace('{actual}', vietnameseNumber(actual ?? 0)).replace('{target}', requiredCount(figure, target));
}

export function evaluateRule(rule: Rule, figures: Figures): RuleOutcome {
  switch (rule.kind) {
    case 'atLeast': {
      const actual = figures[rule.figure];
      const pass = typeof actual === 'number' && actual >= rule.value;
      return { pass, shortfalls: pass ? [] : [shortfall(rule.figure, actual, rule.value)] };
    }
    case 'atMost': {
      const actual = figures[rule.figure];
      const pass = typeof actual === 'number' && actual <= rule.value;
      return { pass, shortfalls: pass ? [] : [shortfall(rule.figure, actual, rule.value)] };
    }
    case 'isTrue': {
      const pass = figures[rule.figure] === true;
      return { pass, shortfalls: pass ? [] : [shortfall(rule.figure, undefined, '')] };
    }
    case 'allOf': {
      const outcomes = rule.rules.map((child) => evaluateRule(child, figures));
      return { pass: outcomes.every((o) => o.pass), shortfalls: outcomes.flatMap((o) => o.shortfalls) };
    }
    case 'anyOf': {
      const outcomes = rule.rules.map((child) => evaluateRule(child, figures));
      const pass = outcomes.some((o) => o.pass);
      if (pass) return { pass, shortfalls: [] };
      // The unit chose its way to meet it (criterion 2: a model, or job referrals): speak of that
      // one; of every alternative, joined by "và", only when it answered none or several.
      const answered = outcomes.filter((_, index) => figuresOf(rule.rules[index]!).some((figure) => figures[figure] !== undefined));
      return { pass, shortfalls: [(answered.length > 0 ? answered : outcomes).flatMap((o) => o.shortfalls).join(' và ')] };
    }
  }
}

/** The figures a rule reads, so a form can ask for exactly those. */
export function figuresOf(rule: Rule): FigureId[] {
  if (rule.kind === 'allOf' || rule.kind === 'anyOf') return [...new Set(rule.rules.flatMap(figuresOf))];
  return [rule.figure];
}
