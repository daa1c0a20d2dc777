import { describe, expect, it } from 'vitest';
import { executionName } from '../../functions/shared/dispatch/workflows.ts';

describe('execution names', () => {
  it('are the record id when it fits, with -rN for a later run', () => {
    expect(executionName('Xk3vQ9w2Lr8bT1nP0aZcYd')).toBe('Xk3vQ9w2Lr8bT1nP0aZcYd');
    expect(executionName('Xk3vQ9w2Lr8bT1nP0aZcYd', 2)).toBe('Xk3vQ9w2Lr8bT1nP0aZcYd-r2');
  });

  it('stay within 80 characters and distinct where truncating would make two records one name', () => {
    // Prepare: two draws whose ids share their first 80 characters
    const head = `draw-chi-doan-dat-chuan-2027-tinh-doan-${'x'.repeat(50)}`;

    // Act
    const names = [executionName(`${head}-a`), executionName(`${head}-b`), executionName(`${head}-a`, 3)];

    // Assess
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(new Set(names).size).toBe(3);
  });
});
