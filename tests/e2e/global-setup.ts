import type { TestProject } from 'vitest/node';
import { buildSite, serveSite } from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the site once for every end-to-end test, then serves `dist/`. */
export default async function setup(project: TestProject) {
  const build = buildSite();
  if (build.status !== 0) throw new Error(`The site does not build:\n${build.output}`);
  const server = await serveSite(4392);
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
