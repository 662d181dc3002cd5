import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_BUILD } from '../../../src/server/app-version';
import { hashSources, makeBuildInfo } from '../../../src/content/compiler/build-info';
import { readServedBuild } from '../../../src/server/build-info';
import { makeBuildId } from '../../../src/shared/build';

const dirs: string[] = [];
function makeSources(text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'tinkuy-build-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'main.tsx'), text);
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  return root;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const at = new Date('2026-12-06T04:50:12.345Z');

describe('the build identifier', () => {
  it('is the commit and the build time in UTC, short enough to read aloud', () => {
    expect(makeBuildId('4cf1559', '2026-12-06T04:50:12.345Z')).toBe('4cf1559-20261206.045012');
    expect(makeBuildInfo('/anywhere', at, () => '4cf1559')).toEqual({ id: '4cf1559-20261206.045012', commit: '4cf1559', builtAt: '2026-12-06T04:50:12.345Z' });
  });

  it('comes from git in this repository', () => {
    expect(makeBuildInfo(process.cwd(), at).commit).toMatch(/^[0-9a-f]{7,}$/);
  });

  it('without git (a tarball), is a hash of the sources: the same sources give the same id, a change another', () => {
    const noGit = () => undefined;
    const first = makeBuildInfo(makeSources('render(<App />);'), at, noGit);
    const same = makeBuildInfo(makeSources('render(<App />);'), at, noGit);
    const changed = makeBuildInfo(makeSources('render(<App version={2} />);'), at, noGit);
    expect(first.commit).toMatch(/^fuente-[0-9a-f]{8}$/);
    expect(same.id).toBe(first.id);
    expect(changed.commit).not.toBe(first.commit);
    expect(hashSources(makeSources('x'))).toHaveLength(8);
  });

  it('the server reads the build of the app it serves, and nothing from a folder without one', () => {
    const dir = makeSources('');
    expect(readServedBuild(dir)).toBeUndefined();
    writeFileSync(join(dir, 'build.json'), JSON.stringify({ id: 'abc1234-20261206.045012', commit: 'abc1234', builtAt: at.toISOString() }));
    expect(readServedBuild(dir)?.id).toBe('abc1234-20261206.045012');
    writeFileSync(join(dir, 'build.json'), '{"id": 3}');
    expect(readServedBuild(dir)).toBeUndefined();
  });

  it('the server bundle carries its own build, written in by the build', () => {
    expect(SERVER_BUILD.id).toMatch(/^(\w+|fuente-[0-9a-f]{8})-\d{8}\.\d{6}$/);
  });
});
