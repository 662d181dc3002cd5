import 'fake-indexeddb/auto';
import { afterAll, afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';

afterEach(() => {
  cleanup();
});

// Preact runs effects after the next paint: a 35 ms timer that calls cancelAnimationFrame. One
// scheduled by a file's last render would fire after jsdom is torn down (no cancelAnimationFrame
// any more) and fail the run with an uncaught error; let it fire first.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 60)));
