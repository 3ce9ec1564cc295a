import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from './browser';

/** One Chromium per test file, closed after it; pages come from `browser()`. */
export function useBrowser() {
  let instance: Browser | undefined;
  beforeAll(async () => {
    instance = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  });
  afterAll(async () => {
    await instance?.close();
  });
  return {
    baseUrl: inject('baseUrl'),
    browser(): Browser {
      if (instance === undefined) throw new Error('Chromium is not started');
      return instance;
    },
  };
}
