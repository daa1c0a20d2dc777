import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildWeb, webBuildIsStale } from '../../infra/local/web-build.ts';
import { launchChromium, PHONE } from './browser.ts';
import { TestStack } from './local-stack.ts';

export interface Journey {
  local: TestStack;
  browser: Browser;
  page: Page;
}

/** A browser journey on a phone against a fresh local stack, set up before and torn down after the file. */
export function phoneJourney(): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    if (webBuildIsStale(process.cwd())) await buildWeb(process.cwd());
    journey.local = await TestStack.start();
    journey.browser = await launchChromium();
    journey.page = await journey.browser.newPage(PHONE);
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.local?.stop();
  });
  return journey;
}

/** Signs in on the local sign-in page as the demo account whose button matches, signing out first. */
export async function signInAs(journey: Journey, name: RegExp): Promise<void> {
  await signOut(journey);
  await journey.page.getByRole('button', { name }).click();
}

/** Opens the app signed out: signs out if a session is there, and waits for the sign-in page. */
export async function signOut(journey: Journey): Promise<void> {
  const page = journey.page;
  await page.goto(journey.local.stack.urls.app);
  const signOutButton = page.getByRole('button', { name: 'Đăng xuất' });
  if (await signOutButton.count()) await signOutButton.click();
  await page.getByRole('button', { name: /Đăng nhập|Võ Thanh Tùng/ }).first().waitFor();
}
