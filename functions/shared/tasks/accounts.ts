import type { User } from '../../../domain/users.ts';
import { config } from '../config/config.ts';
import { provisionAccounts } from '../dispatch/sign-in-accounts.ts';
import { startWorkflowOnce } from '../dispatch/workflows.ts';
import { keys, recordOf } from '../store/keys.ts';
import { batchGetItems, getIdPage, putIdPages } from '../store/table.ts';

/** Users per page: one ProvisionAccounts task, well within its timeout at Cognito's pace. */
const PAGE = 100;

export interface AccountsPage {
  importId: string;
  page: number;
}

/**
 * Before an import is marked done, its user ids go to the table in pages (a province's file would
 * not fit in one item), so whatever happens next, a retry finds them.
 */
export async function storeAccountPages(importId: string, userIds: string[]): Promise<void> {
  await putIdPages((page) => keys.importUsersPage(importId, page), userIds, PAGE);
}

/**
 * After an import is written: the accounts workflow starts, named after the import, so a retried
 * import starts it once. The state carries page numbers only, whatever the file's size.
 */
export async function startAccountsOfImport(importId: string, userCount: number): Promise<void> {
  if (userCount === 0) return;
  const pages = Array.from({ length: Math.ceil(userCount / PAGE) }, (_, page): AccountsPage => ({ importId, page }));
  await startWorkflowOnce(config.workflowArn('provision-accounts'), `accounts-${importId}`, { importId, pages });
}

/** Task ProvisionAccounts: the sign-in accounts of one page of an import's users. */
export async function provisionPage({ importId, page }: AccountsPage): Promise<{ created: number; updated: number }> {
  const userIds = (await getIdPage(keys.importUsersPage(importId, page))) ?? [];
  const users = [...(await batchGetItems(userIds.map((userId) => keys.user(userId)))).values()].map((item) => recordOf<User>(item));
  return provisionAccounts(users);
}
