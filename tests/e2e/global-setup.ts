import { testPort } from './ports';
import type { TestProject } from 'vitest/node';
import { buildSite, serveSite } from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Where the built pages post; the tests that need the comment service start it there. */
export const SERVICE_PORT = testPort(4394);

/**
 * The build's environment: a fixed clock, so that the sample articles' comments are open
 * whatever the date the tests run, the forms pointed at the test service, and a search index
 * in shards of a few pages, so that the search tests go through the merging of shards that
 * an archive of more than 5,000 articles gets.
 */
export const testBuildEnv = {
  KIOSQUE_NOW: '2026-11-29T12:00:00+01:00',
  KIOSQUE_SEARCH_SHARD_PAGES: '6',
  KIOSQUE_COMMENTS_ENDPOINT: `http://127.0.0.1:${SERVICE_PORT}/commentaires/`,
  KIOSQUE_NEWSLETTER_ENDPOINT: `http://127.0.0.1:${SERVICE_PORT}/newsletter/`,
};

/** Builds the site once for every end-to-end test, then serves `dist/`. */
export default async function setup(project: TestProject) {
  const build = buildSite([], testBuildEnv);
  if (build.status !== 0) throw new Error(`The site does not build:\n${build.output}`);
  const server = await serveSite(testPort(4392));
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
