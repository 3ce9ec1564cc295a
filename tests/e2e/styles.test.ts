import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';

const { baseUrl, browser } = useBrowser();

const pages = [
  '/',
  '/economie/',
  '/economie/assistants-vocaux-ecoutes-prestataires/',
  '/international/chili-secheresse-rationnement-eau/',
  '/societe/tempete-berenice-vents-violents-ouest/',
  '/sujets/consommation/',
  '/auteurs/claire-dumas/',
  '/archives/',
  '/recherche/?q=eau',
  '/infos/charte-de-moderation/',
  '/404.html',
];

/** Classes that only mark an element for others' selectors (`group-hover:`, `prose`'s `not-prose`). */
const MARKERS = new Set(['group', 'not-prose']);

describe('stylesheets (built site)', () => {
  // A page whose file Tailwind does not scan renders unstyled, and nothing fails: this does.
  test.each(pages)('%s links one stylesheet with a rule for every class it uses', async (path) => {
    const page = await browser().newPage();
    await page.goto(baseUrl + path);
    expect(await page.locator('link[rel="stylesheet"]').count()).toBe(1);
    const missing = await page.evaluate(
      (markers) => {
        const selectors: string[] = [];
        const collect = (rules: CSSRuleList) => {
          for (const rule of rules) {
            if (rule instanceof CSSStyleRule) selectors.push(rule.selectorText);
            if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
          }
        };
        for (const sheet of document.styleSheets) collect(sheet.cssRules);
        const all = selectors.join('\n');
        const used = new Set([...document.querySelectorAll('[class]')].flatMap((el) => [...el.classList]));
        return [...used].filter((name) => !markers.includes(name) && !all.includes(`.${CSS.escape(name)}`));
      },
      [...MARKERS],
    );
    expect(missing).toEqual([]);
    await page.close();
  });
});
