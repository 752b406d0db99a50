import type { Page, Route } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createWorld, signIn, sql } from './fixtures/world';

// Issue 10: the retry path of autosave (components/cases/autosave.tsx) in a real browser. The
// first save of an answer fails, the status says so and keeps saying so while the retry is held
// back, and once the retry is let through the answer is saved exactly once, shown as saved, and
// still there after a reload.

const COURT_CASE = [{ reference: 'RETRY-1', type: 'court' as const, disposal: 'referral_order' }];

const judgement = (page: Page, questionId: string, label: 'Yes' | 'No') =>
  page.getByTestId(`question-${questionId}`).locator('fieldset').first().getByLabel(label, { exact: true });

const answersOf = (caseId: string) =>
  sql<{ question_id: string; value: string | null; version: number }>(
    `SELECT question_id, value, version FROM answers WHERE case_id = $1 ORDER BY question_id`,
    [caseId],
  );

/**
 * Intercepts the page's saves (POSTs to the case's save route, lib/marking/save-client.ts): the first is failed with `failFirst`, the later ones
 * wait until `release()` is called and then go through. Counts every attempt.
 */
async function failFirstSaveThenHold(page: Page, path: string, failFirst: (route: Route) => Promise<void>) {
  let attempts = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let heldAttempt!: () => void;
  const isRetryHeld = new Promise<void>((resolve) => (heldAttempt = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      attempts += 1;
      if (attempts === 1) return failFirst(route);
      heldAttempt();
      await released;
      return route.continue();
    },
  );
  return { attempts: () => attempts, isRetryHeld, release };
}

test.describe('autosave when a save fails', () => {
  // page.route does not see requests a service worker answers (Playwright docs, "Network"): keep it out.
  test.use({ serviceWorkers: 'block' });

  // A server fault is an error ("Not saved — retrying"); a lost connection is not: the change is
  // safe on the device (issue 20), so the status says so, with the count.
  for (const { name, failFirst, kind, says } of [
    {
      name: 'the server answers 500',
      failFirst: (route: Route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
      kind: 'retrying',
      says: /^Not saved — retrying/,
    },
    {
      name: 'the connection drops',
      failFirst: (route: Route) => route.abort('connectionreset'),
      kind: 'offline',
      says: /^Offline — 1 change kept on this device$/,
    },
  ]) {
    test(`${name}: the status says "${kind === 'offline' ? 'Offline — 1 change kept' : 'Not saved — retrying'}" until the retry gets through, then "saved", and the answer is kept`, async ({
      page,
    }) => {
      const world = await createWorld({ framework: '2021', cases: COURT_CASE });
      const kase = world.cases[0]!;
      const path = `/inspections/${world.inspectionId}/cases/${kase.id}/standards/2.1`;
      await signIn(page, world.inspector);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('2.1');
      const interception = await failFirstSaveThenHold(page, `/inspections/${world.inspectionId}/cases/${kase.id}/answers`, failFirst);
      const status = page.getByTestId('save-status');

      await judgement(page, '2.1.1', 'Yes').check();
      // The failed attempt is reported, and the retry (after a second's back-off) is held back:
      // the status must not claim the answer is saved while nothing is in the database.
      await interception.isRetryHeld;
      await expect(status).toHaveAttribute('data-kind', kind);
      await expect(status).toHaveText(says);
      expect(await answersOf(kase.id)).toEqual([]);
      await expectNoAxeViolations(page);

      interception.release();
      await expect(status).toHaveAttribute('data-kind', 'saved');
      await expect(status).toHaveText(/^All changes saved at \d\d:\d\d$/);
      // Saved once, on the version the page had: the failed attempt wrote nothing.
      expect(await answersOf(kase.id)).toEqual([{ question_id: '2.1.1', value: 'yes', version: 1 }]);
      expect(interception.attempts()).toBe(2);

      await page.unrouteAll({ behavior: 'wait' });
      await page.reload();
      await expect(judgement(page, '2.1.1', 'Yes')).toBeChecked();
      await expect(status).not.toHaveAttribute('data-kind', 'retrying');
      // The next change is saved on top of the retried one, not as a conflict with it.
      await judgement(page, '2.1.1', 'No').check();
      await expect(status).toHaveAttribute('data-kind', 'saved');
      expect(await answersOf(kase.id)).toEqual([{ question_id: '2.1.1', value: 'no', version: 2 }]);
      await expectNoAxeViolations(page);
    });
  }
});
