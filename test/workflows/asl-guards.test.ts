import { readdirSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
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
  });
});
