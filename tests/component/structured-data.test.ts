import { describe, expect, test } from 'vitest';
import StructuredData from '../../src/components/seo/StructuredData.astro';
import { useContainer } from './render';

const render = useContainer();

describe('StructuredData', () => {
  test('keeps a hostile title inside its JSON string: the script element ends where it should', async () => {
    const headline = '</script><script>alert(1)</script><!-- & \u2028 « titre »';
    const html = await render(StructuredData, { graph: [{ '@type': 'NewsArticle', headline }] });
    const match = /^<script type="application\/ld\+json">([\s\S]*)<\/script>$/.exec(html.trim());
    expect(match).not.toBeNull();
    const json = match?.[1] ?? '';
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'NewsArticle', headline }],
    });
  });
});
