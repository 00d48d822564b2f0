// SPDX-License-Identifier: MIT
/**
 * The private helpers the messages and pointers are built from.
 */
import t from 'tap';
import { child, parent, tokens } from '../../../synth/spec/private/pointer.ts';
import { closest, editDistance, listOf, ordinal } from '../../../synth/spec/private/prose.ts';
import { mergeDefaults } from '../../../synth/spec/private/merge.ts';

t.test('GIVEN JSON pointers', async (t) => {
  t.test('WHEN tokens hold "/" and "~" THEN they are escaped and read back (RFC 6901)', async (t) => {
    const pointer = child('/config', 'a/b', 'c~d', 3);
    t.equal(pointer, '/config/a~1b/c~0d/3');
    t.strictSame(tokens(pointer), ['config', 'a/b', 'c~d', '3']);
    t.strictSame(tokens('/~01'), ['~1'], '"~01" is "~1", not "/"');
    t.equal(parent(pointer), '/config/a~1b/c~0d');
    t.equal(parent(''), undefined);
  });
});

t.test('GIVEN names to compare', async (t) => {
  t.test('WHEN distances are measured THEN a swap of neighbours is one edit', async (t) => {
    t.equal(editDistance('board', 'board'), 0);
    t.equal(editDistance('bord', 'board'), 1);
    t.equal(editDistance('borad', 'board'), 1);
    t.equal(editDistance('', 'abc'), 3);
    t.equal(editDistance('kitten', 'sitting'), 3);
  });

  t.test('WHEN the closest name is asked for THEN only likely typos are offered', async (t) => {
    t.equal(closest('helo', ['hello', 'tlsf']), 'hello');
    t.equal(closest('Board', ['board']), 'board', 'case is free');
    t.equal(closest('rpi5', ['qemu-virt', 'raspberry-pi-3b-plus', 'ultra96-v2']), undefined);
    t.equal(closest('qemu', ['qemu-virt', 'ultra96-v2']), 'qemu-virt', 'a prefix is offered');
    t.equal(closest('xyz', ['abc']), undefined);
  });

  t.test('WHEN counting and listing THEN English comes out', async (t) => {
    t.strictSame([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
    t.equal(listOf(['a']), 'a');
    t.equal(listOf(['a', 'b']), 'a or b');
    t.equal(listOf(['a', 'b', 'c'], 'and'), 'a, b and c');
  });
});

t.test('GIVEN fleet defaults and an image', async (t) => {
  const defaults = { id: 'never', board: 'qemu-virt', applications: [{ kind: 'a' }, { kind: 'b' }], config: { X: 1, Y: 2 } };
  const image = { id: 'web', applications: [{ kind: 'c' }], config: { Y: 3 } };

  t.test('WHEN they are merged THEN lists are replaced, mappings merge, and the id is the image\'s', async (t) => {
    const merged = mergeDefaults(defaults, '/defaults', image, '/images/0');
    t.strictSame(merged.value, { board: 'qemu-virt', applications: [{ kind: 'c' }], config: { X: 1, Y: 3 }, id: 'web' });
    t.equal(merged.sources.get('/id'), '/images/0/id');
    t.equal(merged.sources.get('/board'), '/defaults/board');
    t.equal(merged.sources.get('/applications/0/kind'), '/images/0/applications/0/kind');
    t.equal(merged.sources.get('/config'), '/images/0/config', 'a merged mapping belongs to the image');
    t.equal(merged.sources.get('/config/X'), '/defaults/config/X');
    t.equal(merged.sources.get('/config/Y'), '/images/0/config/Y');
  });
});
