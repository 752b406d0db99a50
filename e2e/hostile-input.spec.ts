import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createWorld, signIn, sql } from './fixtures/world';

const DASHES = '-'.repeat(36);

test.describe('hostile input gets a clear answer', () => {
  test('a CSV with a NUL cell or a "constructor" column is refused in the preview, and nothing can be imported', async ({ page }) => {
    const world = await createWorld({ status: 'set_up', cases: [] });
    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}/setup/import`);
    const upload = async (name: string, csv: string) => {
      await page.getByLabel('Upload the case sample (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByRole('button', { name: 'Check the file' }).click();
    };
    await upload('constructor.csv', 'reference,type,disposal,constructor\r\nNS-1,court,referral_order,Jayden Smith\r\n');
    await expect(page.getByTestId('error-summary')).toContainText('Column “constructor” is not one Casemark imports');
    await expect(page.getByRole('button', { name: /^Import \d+ case/ })).toHaveCount(0);

    await upload('nul.csv', 'reference,type,disposal,gender\r\nNS-1,court,referral_order,Ma\u0000le\r\n');
    await expect(page.getByTestId('error-summary')).toContainText('Line 2, gender: Gender holds a character that cannot be stored');
    await expect(page.getByText(/cases are ready to import/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Import \d+ case/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
    const [row] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE inspection_id = $1', [world.inspectionId]);
    expect(row?.n).toBe(0);
  });

  test('the panel counts a gender of "constructor" or "__proto__" like any other', async ({ page }) => {
    const world = await createWorld({
      cases: [
        { reference: 'C-001', type: 'court', disposal: 'referral_order' },
        { reference: 'C-002', type: 'court', disposal: 'referral_order' },
      ],
    });
    await sql(`UPDATE cases SET gender = CASE reference WHEN 'C-001' THEN 'constructor' ELSE '__proto__' END WHERE inspection_id = $1`, [
      world.inspectionId,
    ]);
    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}/panel`);
    const table = page.getByRole('table', { name: 'Sample by gender' });
    await expect(table.getByRole('row', { name: 'constructor 1' })).toBeVisible();
    await expect(table.getByRole('row', { name: '__proto__ 1' })).toBeVisible();
    await expect(table).not.toContainText('native code');
  });

  test('ill-formed ids in addresses are not found, never a server error', async ({ page }) => {
    const world = await createWorld();
    await signIn(page, world.lead);
    for (const path of [
      `/inspections/${DASHES}`,
      `/inspections/${world.inspectionId}/cases/${DASHES}`,
      `/inspections/${world.inspectionId}/setup/cases/${DASHES}`,
      `/inspections/${DASHES}/exports`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
    for (const path of [
      `/inspections/${DASHES}/exports/ratings?format=csv`,
      `/inspections/${DASHES}/exports/interchange`,
      `/inspections/${DASHES}/panel/events`,
      `/inspections/${DASHES}/setup/import/template`,
    ]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
    // next-auth's own route: a body that is not JSON, or too large, is refused with 4xx.
    const notJson = await page.request.post('/api/auth/callback/credentials', {
      headers: { 'content-type': 'application/json' },
      data: '{ not json',
    });
    expect(notJson.status()).toBe(400);
    const tooLarge = await page.request.post('/api/auth/callback/credentials', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: 'x'.repeat(100_000),
    });
    expect(tooLarge.status()).toBe(413);
  });
});
