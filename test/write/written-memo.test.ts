// The writer's memory of what it wrote (--watch, so that a client of megabytes is not read back on every save) never
// overrules the disk: a file changed since, by a person or a tool, is read again, and one that is no longer the
// generator's is refused as without the memory.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_MARKER } from '../../generator/emit/target.js';
import { writeFiles, type Written } from '../../generator/write/write-files.js';
import { scratch } from '../helpers/paths.js';

const client = (n: number) => [{ path: 'index.ts', content: `// ${GENERATED_MARKER}\nexport const n = ${n};\n` }];

describe('writeFiles with the memory of what it wrote', () => {
  it('writes, then finds an unchanged file unchanged without reading it', () => {
    const dir = scratch('written-memo-1');
    const written: Written = new Map();
    expect(writeFiles(dir, client(1), { written }).written).toHaveLength(1);
    expect([...written.keys()]).toEqual([join(dir, 'index.ts')]);
    expect(writeFiles(dir, client(1), { written }).unchanged).toHaveLength(1);
    expect(writeFiles(dir, client(2), { written }).written).toHaveLength(1);
    expect(readFileSync(join(dir, 'index.ts'), 'utf8')).toContain('n = 2');
  });

  it('refuses a file someone replaced with their own since, even of the same size', () => {
    const dir = scratch('written-memo-2');
    const written: Written = new Map();
    writeFiles(dir, client(1), { written });
    const path = join(dir, 'index.ts');
    const mine = readFileSync(path, 'utf8').replace(GENERATED_MARKER, 'x'.repeat(GENERATED_MARKER.length));
    writeFileSync(path, mine);
    expect(() => writeFiles(dir, client(2), { written })).toThrow(/was not written by clevertap-codegen/);
    expect(readFileSync(path, 'utf8')).toBe(mine);
  });

  it('writes again a file that was deleted or changed back to what it holds in memory', () => {
    const dir = scratch('written-memo-3');
    const written: Written = new Map();
    writeFiles(dir, client(1), { written });
    const path = join(dir, 'index.ts');
    rmSync(path);
    expect(writeFiles(dir, client(1), { written }).written).toEqual([path]);
    writeFileSync(path, client(3)[0]!.content);
    expect(writeFiles(dir, client(1), { written }).written).toEqual([path]);
    expect(readFileSync(path, 'utf8')).toBe(client(1)[0]!.content);
  });
});
