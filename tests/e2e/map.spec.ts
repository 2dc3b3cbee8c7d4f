import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';

/**
 * Pixels of the map canvas by colour family, read from a real screenshot (a WebGL canvas cannot be read back
 * directly): the need colour (#a63c00) and the mixed-cluster grey (#3d3d3d) are used by nothing else on the map.
 */
async function mapColours(page: Page, canvas: Locator) {
  const png = (await canvas.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const scratch = document.createElement('canvas');
    scratch.width = image.width;
    scratch.height = image.height;
    const context = scratch.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const counts = { besoin: 0, mixte: 0, offre: 0, distinct: 0 };
    const seen = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b] = [pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0];
      seen.add((r << 16) | (g << 8) | b);
      if (r > 130 && r - g > 60 && g - b > 20) counts.besoin += 1;
      else if (r < 110 && Math.abs(r - g) < 12 && Math.abs(g - b) < 12) counts.mixte += 1;
      else if (b > 120 && b - r > 70 && r < 90) counts.offre += 1;
    }
    counts.distinct = seen.size;
    return counts;
  }, png);
}

const entries = (page: Page) => page.getByRole('list', { name: 'Publications par commune' }).locator('.carte-entry');

async function waitForMap(page: Page) {
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
  const canvas = page.locator('canvas.maplibregl-canvas');
  await expect(canvas).toBeVisible();
  return canvas;
}

test('the map page draws offers and needs offline, lists them beside the map, and is accessible', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto('/carte');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carte des offres et des besoins');
  const total = await entries(page).count();
  expect(total).toBeGreaterThan(0);
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-items', String(total));
  await expect(page.locator('.carte-status')).toContainText(/publications? :/);

  const canvas = await waitForMap(page);
  const colours = await mapColours(page, canvas);
  expect(colours.distinct, 'the canvas is not blank').toBeGreaterThan(20);
  expect(colours.besoin + colours.mixte, 'needs (or mixed clusters) are drawn').toBeGreaterThan(30);
  expect(colours.offre, 'offers and the outline are drawn').toBeGreaterThan(30);

  // Side by side on a wide screen.
  const mapBox = await page.locator('#carte-map').boundingBox();
  const listBox = await page.locator('.carte-list').boundingBox();
  expect(listBox && mapBox && listBox.x > mapBox.x + mapBox.width - 1).toBe(true);
  expect(Math.round(listBox?.width ?? 0)).toBe(360);
  // The list scrolls in its own box beside the map: the page itself stays short.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2500);

  const file = testInfo.outputPath('carte.png');
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach('carte', { path: file, contentType: 'image/png' });

  // No personal data on a public page.
  expect(await page.locator('main').innerText()).not.toMatch(/@/);
  await expectAccessible(page);
});

test('the filter form narrows the list and the map', async ({ page }) => {
  await page.goto('/carte');
  const total = await entries(page).count();
  await waitForMap(page);

  await page.getByRole('radio', { name: 'Besoins seulement' }).check();
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/type=besoins/);
  await expect(entries(page).first()).toBeVisible();
  const needs = await entries(page).count();
  expect(needs).toBeLessThan(total);
  for (const badge of await entries(page).locator('.badge-side-besoin, .badge-side-offre').allInnerTexts()) expect(badge).toBe('Besoin');
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-items', String(needs));

  await page.getByRole('radio', { name: 'Offres seulement' }).check();
  await page.getByRole('checkbox', { name: 'Compétences' }).uncheck();
  await page.getByRole('checkbox', { name: 'Stages de 3e' }).uncheck();
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/type=offres&kind=LIEU$/);
  await expect(page.getByRole('checkbox', { name: 'Lieux' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Compétences' })).not.toBeChecked();
  const places = entries(page);
  await expect(places.first()).toBeVisible();
  expect(await places.count()).toBeLessThan(total);
  for (const text of await places.locator('.carte-entry-tags').allInnerTexts()) expect(text.replace(/\s+/g, ' ').trim()).toBe('Offre Lieu');
  // Offers only: no need colour, no mixed cluster left on the map.
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-items', String(await places.count()));
  await waitForMap(page);
  const colours = await mapColours(page, page.locator('canvas.maplibregl-canvas'));
  expect(colours.besoin).toBe(0);
  expect(colours.offre).toBeGreaterThan(30);

  // Bad values fall back to the defaults with a French warning, never an error page.
  await page.goto('/carte');
  const everything = await entries(page).count();
  const response = await page.goto('/carte?type=nimporte&kind=PISCINE');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert')).toContainText('ce filtre a été ignoré');
  expect(await entries(page).count()).toBe(everything);
  await expectAccessible(page);
});

test('“Voir sur la carte” centres the map on an entry with the keyboard', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto('/carte');
  await waitForMap(page);
  const first = entries(page).first();
  const title = (await first.locator('.carte-entry-title').innerText()).trim();
  const button = first.getByRole('button', { name: /^Voir sur la carte/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.maplibregl-popup')).toContainText(title);
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText(`Carte centrée sur « ${title} »`)).toBeAttached();
  await expect(button).toBeFocused();

  // Tab to the next entry's button (past the entry's own link) and use Space.
  const second = entries(page).nth(1);
  const secondTitle = (await second.locator('.carte-entry-title').innerText()).trim();
  const secondButton = second.getByRole('button', { name: /^Voir sur la carte/ });
  for (let presses = 0; presses < 4 && !(await secondButton.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(secondButton).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('.maplibregl-popup')).toContainText(secondTitle);
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(first).not.toHaveAttribute('aria-current', 'true');
  const file = testInfo.outputPath('carte-voir-sur-la-carte.png');
  await page.screenshot({ path: file });
  await testInfo.attach('carte-voir-sur-la-carte', { path: file, contentType: 'image/png' });

  // And back from the map to the list: close the bubble, then click the point now in the middle of the map.
  await page.getByRole('button', { name: 'Fermer la bulle' }).press('Enter');
  await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
  await expect(second).not.toHaveAttribute('aria-current', 'true');
  await expect(async () => {
    await page.locator('canvas.maplibregl-canvas').click();
    await expect(second).toHaveAttribute('aria-current', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('.maplibregl-popup')).toContainText(secondTitle);
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the filters still work and the list stands for the map', async ({ page }) => {
    await page.goto('/carte');
    const total = await entries(page).count();
    expect(total).toBeGreaterThan(0);
    await page.getByRole('radio', { name: 'Offres seulement' }).check();
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page).toHaveURL(/type=offres/);
    const offers = await entries(page).count();
    expect(offers).toBeGreaterThan(0);
    expect(offers).toBeLessThan(total);
    await expect(page.getByRole('button', { name: /Voir sur la carte/ })).toHaveCount(0);
  });
});

test('on a narrow screen the list comes below the map', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/carte');
  await waitForMap(page);
  const mapBox = await page.locator('#carte-map').boundingBox();
  const listBox = await page.locator('.carte-list').boundingBox();
  expect(listBox && mapBox && listBox.y >= mapBox.y + mapBox.height).toBe(true);
  await expectAccessible(page);
});
