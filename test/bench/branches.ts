import type { TestStack } from '../support/local-stack.ts';
import { registerBranches } from '../support/registered-branches.ts';

/**
 * Many registered chi đoàn under one commune, each with a signed-in secretary: benchmark clients
 * submit for different units, as real ones do, instead of piling onto one unit's standing.
 */
export async function registeredBranches(local: TestStack, count: number): Promise<string[]> {
  const secretaries = await registerBranches('bench', count);
  return Promise.all(secretaries.map((userId) => local.signIn(userId)));
}
