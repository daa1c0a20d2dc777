import { readdirSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { PERMANENT_ERRORS } from '../../domain/errors.ts';
import { WORKFLOWS } from '../../infra/catalog/workflows.ts';
import { localArns } from '../../infra/local/arns.ts';
import { allStates, loadWorkflow, readAsl } from '../../infra/local/stepfunctions/definitions.ts';

// What the local engine silently ignores or cannot run; using any of it would make local and AWS differ.
const UNSUPPORTED_FIELDS = ['QueryLanguage', 'Assign', 'Arguments', 'Output'];
const UNSUPPORTED_RESOURCES = /\.waitForTaskToken|\.sync(:\d+)?$/;

const files = readdirSync('workflows').filter((file) => file.endsWith('.asl.json'));

describe('workflows/*.asl.json', () => {
  it('are all catalogued, so both CDK and the local engine load them', () => {
    expect(files.map((file) => `workflows/${file}`).sort()).toEqual(WORKFLOWS.map((w) => w.file).sort());
  });

  describe.each(WORKFLOWS.map((workflow) => [workflow.id, workflow] as const))('%s', (_id, workflow) => {
    const machine = loadWorkflow(workflow, localArns.lambda);
    const states = allStates(machine);

    it('passes asl-validator once its placeholders are substituted', () => {
      const { isValid, errorsText } = aslValidator(structuredClone(machine));
      expect(isValid, errorsText()).toBe(true);
    });

    it('says what it is for, and names its placeholders only in the catalogue', () => {
      expect(machine.Comment?.length).toBeGreaterThan(20);
      const placeholders = [...readAsl(workflow.file).matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([...new Set(placeholders)]).toEqual(Object.keys(workflow.functions).sort());
    });

    it('uses only JSONPath features the local engine executes', () => {
      for (const [name, state] of [['(top level)', machine] as const, ...states]) {
        for (const field of UNSUPPORTED_FIELDS) expect(state, `${name}.${field}`).not.toHaveProperty(field);
      }
      for (const [name, state] of states) {
        expect(state.Resource ?? '', name).not.toMatch(UNSUPPORTED_RESOURCES);
      }
    });

    it('gives every Task an explicit timeout and a PascalCase verb name', () => {
      const tasks = states.filter(([, state]) => state.Type === 'Task');
      expect(tasks.length).toBeGreaterThan(0);
      for (const [name, state] of tasks) {
        expect(state.TimeoutSeconds, name).toBeTypeOf('number');
        expect(name).toMatch(/^[A-Z][a-z]+[A-Za-z]*$/);
      }
    });

    it('retries every Task through a passing fault (a minute and more of backoff), never a permanent refusal', () => {
      for (const [name, state] of states.filter(([, candidate]) => candidate.Type === 'Task')) {
        const retriers = (state.Retry ?? []) as { ErrorEquals: string[]; MaxAttempts?: number; IntervalSeconds?: number; BackoffRate?: number }[];
        const [permanent] = retriers;
        const transient = retriers.at(-1);
        expect(permanent, name).toEqual({ ErrorEquals: [...PERMANENT_ERRORS], MaxAttempts: 0 });
        expect(transient?.ErrorEquals, name).toEqual(['States.ALL']);
        // The e-mail sender runs at most 5 at once (reserved concurrency): a throttled call waits
        // its turn, longer than any other passing fault, before States.ALL's attempts are spent.
        if (name === 'SendNotices') expect(retriers[1], name).toEqual({ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 5, MaxAttempts: 10, BackoffRate: 1.5 });
        expect(retriers, name).toHaveLength(name === 'SendNotices' ? 3 : 2);
        const waits = Array.from({ length: transient?.MaxAttempts ?? 0 }, (_, i) => (transient?.IntervalSeconds ?? 1) * (transient?.BackoffRate ?? 2) ** i);
        expect(waits.reduce((sum, wait) => sum + wait, 0), name).toBeGreaterThanOrEqual(60);
      }
    });

    it('sends notices under the execution’s own claim, so a retry takes back what it claimed and nothing else', () => {
      for (const [name, state] of states.filter(([stateName]) => stateName === 'SendNotices')) {
        expect((state as { Parameters?: Record<string, string> }).Parameters?.['claimId.$'], name).toBe('$$.Execution.Id');
      }
    });
  });
});
