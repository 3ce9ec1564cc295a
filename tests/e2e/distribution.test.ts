import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { testBuildEnv } from './global-setup';
import { root } from './site';

const dist = join(root, 'dist');
const ORIGIN = 'https://kiosque.example';
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
const pages = files.filter((file) => file.endsWith('.html'));
const feeds = files.filter((file) => /(^|\/)(rss|commentaires)\.xml$/.test(file));

/** The built file an absolute address of the site leads to, or undefined when it leads nowhere. */
function builtFile(address: string): string | undefined {
  const url = new URL(address);
  if (url.origin !== ORIGIN) return undefined;
  const path = decodeURIComponent(url.pathname).slice(1);
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  return existsSync(join(dist, file)) ? file : undefined;
}

const meta = (html: string, property: string) =>
  [...html.matchAll(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
const unescape = (text: string) =>
  text.replace(
    /&#39;|&quot;|&amp;|&lt;|&gt;/g,
    (e) => ({ '&#39;': "'", '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' })[e] ?? e,
  );

const articlePages = pages.filter((page) => meta(read(page), 'og:type')[0] === 'article');
const publishedAt = (page: string) => new Date(meta(read(page), 'article:published_time')[0] ?? '');

function jsonLd(page: string): Record<string, unknown>[] {
  const blocks = [...read(page).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  return blocks.flatMap((block) => (JSON.parse(block[1] ?? '') as { '@graph': Record<string, unknown>[] })['@graph']);
}

describe('feeds (built site)', () => {
  test('every feed parses with a feed reader’s parser, in French, with at most 50 complete items leading to built pages', () => {
    expect(feeds.length).toBeGreaterThan(10);
    for (const file of feeds) {
      const feed = parseFeed(read(file));
      expect(feed.title, file).toBeTruthy();
      expect(feed.language, file).toBe('fr');
      expect(feed.items.length, file).toBeLessThanOrEqual(50);
      for (const item of feed.items) {
        expect(item.title, file).toBeTruthy();
        expect(item.published, `${file}: ${item.title}`).toBeInstanceOf(Date);
        expect(item.content, `${file}: ${item.title}`).toBeTruthy();
        expect(builtFile(item.url ?? ''), `${file}: ${item.url}`).toBeDefined();
      }
    }
  });

  test('the site feed carries every story, newest first, full text with its lead picture and absolute links', () => {
    const feed = parseFeed(read('rss.xml'));
    expect(feed.items.map((item) => new URL(item.url ?? '').pathname).toSorted()).toEqual(
      articlePages.map((page) => `/${page.replace(/index\.html$/, '')}`).toSorted(),
    );
    const dates = feed.items.map((item) => item.published?.getTime() ?? 0);
    expect(dates).toEqual(dates.toSorted((a, b) => b - a));

    const reference = feed.items.find((item) => item.url?.endsWith('/assistants-vocaux-ecoutes-prestataires/'));
    const content = reference?.content ?? '';
    const picture = /<img src="([^"]+)"/.exec(content)?.[1] ?? '';
    expect(builtFile(picture), picture).toBeDefined();
    // The body's own words, not only the standfirst.
    expect(content).toContain('prestataires extérieurs écoutaient');
    for (const [, href] of content.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^https?:\/\//);
    expect(reference?.authors.map((author) => author.name)).toEqual(['AFP']);
  });

  test('each section, author, tag and agency page advertises its own feed, which lists its stories', () => {
    for (const page of ['economie/index.html', 'auteurs/claire-dumas/index.html', 'depeches/afp/index.html']) {
      const html = read(page);
      const own = [
        ...html.matchAll(/<link rel="alternate" type="application\/rss\+xml" title="[^"]*" href="([^"]+)"/g),
      ].map((m) => m[1] ?? '');
      expect(own, page).toContain('/rss.xml');
      const listingFeed = `/${page.replace('index.html', 'rss.xml')}`;
      expect(own, page).toContain(listingFeed);
      const items = parseFeed(read(listingFeed.slice(1))).items;
      expect(items.length, listingFeed).toBeGreaterThan(0);
      for (const item of items) expect(html, `${listingFeed}: ${item.url}`).toContain(new URL(item.url ?? '').pathname);
    }
  });

  test('an article’s comment feed lists its published comments, newest first, and never a pending one', () => {
    const page = 'economie/assistants-vocaux-ecoutes-prestataires/index.html';
    const html = read(page);
    expect(html).toContain('href="/economie/assistants-vocaux-ecoutes-prestataires/commentaires.xml"');
    const items = parseFeed(read('economie/assistants-vocaux-ecoutes-prestataires/commentaires.xml')).items;
    const shown = [...html.matchAll(/<article id="commentaire-([\w-]+)"/g)].map((m) => m[1]);
    expect(items.map((item) => item.url?.split('#commentaire-')[1]).toSorted()).toEqual(shown.toSorted());
    const dates = items.map((item) => item.published?.getTime() ?? 0);
    expect(dates).toEqual(dates.toSorted((a, b) => b - a));
    // c07 and c08 wait for a moderator in content/comments/.
    expect(items.some((item) => /c0[78]$/.test(item.url ?? ''))).toBe(false);
  });
});

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });

describe('sitemaps and crawling (built site)', () => {
  const robots = read('robots.txt');
  const index = xml.parse(read('sitemap-index.xml')) as { sitemapindex: { sitemap: { loc: string }[] } };
  const sitemaps = index.sitemapindex.sitemap.map((sitemap) => builtFile(sitemap.loc) ?? sitemap.loc);

  test('robots.txt names the sitemap index, which names sitemaps that exist', () => {
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap-index.xml`);
    expect(sitemaps).toEqual(['sitemap-1.xml', 'sitemap-news.xml']);
  });

  test('the sitemap lists every story and section once, each a built page with a W3C date, and no search page nor 404', () => {
    const urls = (xml.parse(read('sitemap-1.xml')) as { urlset: { url: { loc: string; lastmod: string }[] } }).urlset
      .url;
    expect(urls.length).toBeLessThanOrEqual(50_000);
    const locs = urls.map((url) => url.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const url of urls) {
      expect(builtFile(url.loc), url.loc).toBeDefined();
      expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    }
    for (const page of [...articlePages, 'economie/index.html', 'index.html']) {
      expect(locs).toContain(`${ORIGIN}/${page.replace(/index\.html$/, '')}`);
    }
    expect(locs.filter((loc) => loc === `${ORIGIN}/recherche/` || loc.includes('404'))).toEqual([]);
  });

  test('the Google News sitemap holds exactly the stories of the 48 hours before the build', () => {
    const now = new Date(testBuildEnv.KIOSQUE_NOW).getTime();
    const expected = articlePages
      .filter((page) => now - publishedAt(page).getTime() < 48 * 3_600_000 && publishedAt(page).getTime() <= now)
      .map((page) => `${ORIGIN}/${page.replace(/index\.html$/, '')}`);
    expect(expected.length).toBeGreaterThan(0);
    const urls = (
      xml.parse(read('sitemap-news.xml')) as {
        urlset: { url: { loc: string; 'news:news': Record<string, unknown> }[] };
      }
    ).urlset.url;
    expect(urls.map((url) => url.loc).toSorted()).toEqual(expected.toSorted());
    for (const url of urls) {
      expect(url['news:news']).toMatchObject({
        'news:publication': { 'news:name': 'Kiosque', 'news:language': 'fr' },
        'news:title': expect.any(String),
        'news:publication_date': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$/),
      });
    }
  });

  test('social cards are served as never changing, as the bundled assets are', () => {
    const card = meta(read('economie/batteries-sodium-usine-dunkerque/index.html'), 'og:image')[0] ?? '';
    const folder = new URL(card).pathname.split('/')[1];
    expect(builtFile(card)).toBeDefined();
    expect(read('_headers')).toContain(`/${folder}/*\n  Cache-Control: public, max-age=31536000, immutable`);
  });

  test('the search page and the 404 ask not to be indexed; stories do not', () => {
    expect(meta(read('recherche/index.html'), 'robots')).toEqual(['noindex']);
    expect(meta(read('404.html'), 'robots')).toEqual(['noindex']);
    expect(meta(read(articlePages[0] ?? ''), 'robots')).toEqual([]);
  });
});

describe('structured data (built site)', () => {
  test('every story is a NewsArticle (a LiveBlogPosting for a live) matching what its page shows, with a breadcrumb home › section › story', () => {
    expect(articlePages.length).toBeGreaterThan(10);
    for (const page of articlePages) {
      const html = read(page);
      const things = jsonLd(page);
      const story =
        things.find((thing) => thing['@type'] === 'NewsArticle' || thing['@type'] === 'LiveBlogPosting') ?? {};
      const address = `${ORIGIN}/${page.replace(/index\.html$/, '')}`;
      expect(story, page).toMatchObject({
        headline: unescape(meta(html, 'og:title')[0] ?? ''),
        description: unescape(meta(html, 'og:description')[0] ?? ''),
        datePublished: meta(html, 'article:published_time')[0],
        mainEntityOfPage: address,
        articleSection: unescape(meta(html, 'article:section')[0] ?? ''),
        isAccessibleForFree: true,
      });
      expect(story['dateModified'], page).toBe(
        meta(html, 'article:modified_time')[0] ?? meta(html, 'article:published_time')[0],
      );
      const count = /<h2 id="commentaires-titre"[^>]*>[^<\d]*(\d+)/.exec(html)?.[1];
      expect(story['commentCount'], page).toBe(Number(count));
      for (const author of story['author'] as { '@type': string; url?: string }[]) {
        if (author['@type'] === 'Person') expect(builtFile(author.url ?? ''), author.url).toBeDefined();
      }
      const publisher = story['publisher'] as { logo: { url: string }; publishingPrinciples: string };
      expect(builtFile(publisher.logo.url)).toBeDefined();
      expect(builtFile(publisher.publishingPrinciples)).toBeDefined();
      for (const image of story['image'] as { url: string; width: number; height: number }[]) {
        expect(builtFile(image.url), image.url).toBeDefined();
        expect(image.width * image.height).toBeGreaterThanOrEqual(50_000);
      }
      const trail = things.find((thing) => thing['@type'] === 'BreadcrumbList')?.['itemListElement'] as {
        item: string;
      }[];
      expect(
        trail.map((step) => step.item),
        page,
      ).toEqual([`${ORIGIN}/`, `${ORIGIN}/${page.split('/')[0]}/`, address]);
    }
  });

  test('each block of structured data is allowed by its page’s Content-Security-Policy, without unsafe-inline', () => {
    for (const page of [...articlePages, 'index.html']) {
      const html = read(page);
      const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(policy, page).not.toContain('unsafe-inline');
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(blocks.length, page).toBe(1);
      const hash = createHash('sha256')
        .update(blocks[0]?.[1] ?? '')
        .digest('base64');
      expect(policy, page).toContain(`'sha256-${hash}'`);
    }
  });

  test('a story with a picture offers it in 16:9, 4:3 and 1:1; one without, the card its shared link shows', () => {
    const images = (page: string) =>
      jsonLd(page).find((thing) => thing['@type'] === 'NewsArticle')?.['image'] as {
        url: string;
        width: number;
        height: number;
      }[];
    const ratios = images('economie/assistants-vocaux-ecoutes-prestataires/index.html').map(
      (image) => image.width / image.height,
    );
    expect(ratios).toEqual([16 / 9, 4 / 3, 1]);
    const withoutPicture = 'economie/batteries-sodium-usine-dunkerque/index.html';
    expect(read(withoutPicture)).not.toContain('<figure');
    expect(images(withoutPicture)).toEqual([
      {
        '@type': 'ImageObject',
        url: meta(read(withoutPicture), 'og:image')[0],
        width: Number(meta(read(withoutPicture), 'og:image:width')[0]),
        height: Number(meta(read(withoutPicture), 'og:image:height')[0]),
      },
    ]);
  });

  test('the home page describes the site, with a search action that the search page answers', () => {
    const site = jsonLd('index.html').find((thing) => thing['@type'] === 'WebSite');
    const template = (site?.['potentialAction'] as { target: { urlTemplate: string } }).target.urlTemplate;
    expect(template).toBe(`${ORIGIN}/recherche/?q={search_term_string}`);
    expect(builtFile(template.replace('{search_term_string}', 'climat'))).toBe('recherche/index.html');
  });
});
