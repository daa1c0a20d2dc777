import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkflowDefinition } from '../../catalog/workflows.ts';

/** The parts of ASL the local binding walks; the engine validates the rest. */
export interface AslState {
  Type: string;
  Resource?: string;
  Branches?: AslMachine[];
  Iterator?: AslMachine;
  ItemProcessor?: AslMachine;
  [field: string]: unknown;
}
export interface AslMachine {
  Comment?: string;
  StartAt: string;
  States: Record<string, AslState>;
  [field: string]: unknown;
}

export function readAsl(file: string, root = process.cwd()): string {
  return readFileSync(resolve(root, file), 'utf8');
}

/** `${Name}` → value, exactly as CloudFormation's definitionSubstitutions does; unknown names fail. */
export function substitute(aslText: string, values: Record<string, string>): AslMachine {
  const text = aslText.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No substitution for \${${name}}`);
    return value;
  });
  return JSON.parse(text) as AslMachine;
}

/** Every state, nested ones included, as [name, state] pairs. */
export function allStates(machine: AslMachine): [string, AslState][] {
  return Object.entries(machine.States).flatMap(([name, state]) => {
    const children = [...(state.Branches ?? []), state.Iterator, state.ItemProcessor].filter(
      (child): child is AslMachine => child !== undefined,
    );
    return [[name, state] as [string, AslState], ...children.flatMap(allStates)];
  });
}

/** Loads a catalogued workflow with its placeholders replaced by the given function ARNs. */
export function loadWorkflow(
  workflow: WorkflowDefinition,
  functionArn: (functionId: string) => string,
  root = process.cwd(),
): AslMachine {
  const values = Object.fromEntries(
    Object.entries(workflow.functions).map(([placeholder, functionId]) => [placeholder, functionArn(functionId)]),
  );
  return substitute(readAsl(workflow.file, root), values);
}
