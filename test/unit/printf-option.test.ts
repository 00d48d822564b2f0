// SPDX-License-Identifier: MIT
// The C library's printf: Kiln's exact vfprintf by default, picolibc's
// small, inexact one only when an image asks for it with
// Picolibc({ printfSmall: true }) (LIBPICOLIBC_PRINTF_SMALL).
import t from 'tap';
import { Image, Lua, Pi, Picolibc, QemuVirt } from '../../constructs/index.ts';
import { Testing } from '../../constructs/testing.ts';

/** The C library's compiled sources in each image, by image id. */
function libcSources(build: (app: ReturnType<typeof Testing.app>) => void): Map<string, string[]> {
  const app = Testing.app();
  build(app);
  const result = Testing.synth(app);
  return new Map(result.images.map((image) => {
    const libc = image.linkPlan.libraries.find((l) => l.name === 'picolibc');
    return [image.id, (libc?.units ?? []).map((u) => u.source.split('/').pop() ?? u.source)];
  }));
}

t.test('GIVEN images with and without the small printf WHEN planned THEN only the default links the exact vfprintf', async (t) => {
  const sources = libcSources((app) => {
    new Image(app, 'pi', { board: new QemuVirt() }).use(new Pi());
    new Image(app, 'pi-small', { board: new QemuVirt() }).use(new Pi()).use(new Picolibc({ printfSmall: true }));
    new Image(app, 'lua-small', { board: new QemuVirt() }).use(new Lua({ script: 'print(1)' })).use(new Picolibc({ printfSmall: true }));
    new Image(app, 'pi-exact', { board: new QemuVirt() }).use(new Pi()).use(new Picolibc({ printfSmall: false }));
  });
  t.ok(sources.get('pi')!.includes('vfprintf.c'), 'exact by default');
  t.ok(sources.get('pi-exact')!.includes('vfprintf.c'), 'exact when asked');
  for (const id of ['pi-small', 'lua-small']) {
    t.notOk(sources.get(id)!.includes('vfprintf.c'), `${id}: picolibc's own vfprintf instead`);
    t.ok(sources.get(id)!.includes('strtod.c') && sources.get(id)!.includes('vfscanf.c'), `${id}: parsing stays exact`);
  }
});
