import type { Page } from 'playwright-core';
import { expectAccessible as axeCheck } from './harness';

/**
 * Wait until no CSS transition runs: a notification sliding in or a dialog fading in is drawn
 * half transparent for a moment, and axe would measure the contrast of that moment rather than
 * of what a person reads.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'));
}

/** `expectAccessible` of the harness, once the page has settled. */
export async function expectAccessible(page: Page): Promise<void> {
  await settled(page);
  await axeCheck(page);
}
