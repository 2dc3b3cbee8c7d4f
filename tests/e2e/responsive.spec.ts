import { expect, test, type Page } from '@playwright/test';
import { signInAs, signOut } from './journey-helpers';

/**
 * At 360 px wide (RGAA 10.11, WCAG 1.4.10), no page scrolls sideways as a whole: wide tables scroll inside their own
 * region, which is named and reachable with the keyboard.
 */

test.use({ viewport: { width: 360, height: 740 } });

const ADMIN = /Se connecter : .*Mission ESS \(administration\)/;
const COLLEGE = /Se connecter : Frédéric Lambert — principal·e du Collège Les Garrigues/;

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page, `${path} is ${widths.page} px wide at 360 px`).toBeLessThanOrEqual(widths.viewport);
  for (const region of await page.locator('.table-scroll').all()) {
    await expect(region).toHaveAttribute('role', 'region');
    await expect(region).toHaveAttribute('tabindex', '0');
    await expect(region).toHaveAttribute('aria-label', /\S/);
  }
}

test('the lists of the Mission ESS and of a collège fit a 360 px screen', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ['/', '/offres', '/carte', '/connexion']) await expectNoSidewaysScroll(page, path);
  await signInAs(page, ADMIN);
  for (const path of ['/compte', '/admin', '/admin/publications', '/admin/contenus', '/mises-en-relation', '/conventions', '/outbox']) {
    await expectNoSidewaysScroll(page, path);
  }
  // A wide table scrolls inside its region, with the keyboard too.
  await page.goto('/admin/publications');
  const region = page.getByRole('region', { name: 'Tableau des publications' });
  const scrollable = await region.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(scrollable).toBe(true);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  await signOut(page);

  await signInAs(page, COLLEGE);
  await page.getByRole('link', { name: 'Espace du collège Collège Les Garrigues' }).click();
  await expectNoSidewaysScroll(page, new URL(page.url()).pathname);
});
