import * as z from 'zod';
import { taskHandler } from '../shared/edge/task.ts';
import { provisionPage } from '../shared/tasks/accounts.ts';

const inputSchema = z.object({ importId: z.string().min(1).max(200), page: z.int().nonnegative() });

/** Task ProvisionAccounts of the provision-accounts state machine: one page of an import's users. */
export async function provisionAccountsTask(input: z.infer<typeof inputSchema>) {
  return provisionPage(input);
}

export const handler = taskHandler(inputSchema, provisionAccountsTask);
