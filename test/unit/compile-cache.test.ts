// SPDX-License-Identifier: MIT
// The shared compile cache's address (kiln build --cache, KILN_CACHE) and
// what build.ninja's compile rule makes of it. The cache's effect (a second
// build compiles nothing, byte-identical images) is an integration test:
// test/integration/backend-reproducible.test.ts.
import t from 'tap';
import { cacheEnvironment, LAUNCHER_VARIABLE, parseCompileCache } from '../../synth/compile-cache.ts';
import { KilnError } from '../../synth/errors.ts';
import { rootNinja } from '../../synth/plan/ninja.ts';

t.test('GIVEN a cache address', async (t) => {
  t.test('WHEN none or an empty one is given THEN there is no cache, and the compile rule gets no launcher', async (t) => {
    t.equal(parseCompileCache(undefined), undefined);
    t.equal(parseCompileCache(''), undefined);
    t.same(cacheEnvironment(undefined), { [LAUNCHER_VARIABLE]: '' }, 'an inherited launcher is cleared');
  });

  t.test('WHEN it is a folder THEN it is made absolute against the current folder', async (t) => {
    t.same(parseCompileCache('objects', '/home/me/edge'), { kind: 'folder', where: '/home/me/edge/objects' });
    t.same(parseCompileCache('/srv/cache', '/home/me'), { kind: 'folder', where: '/srv/cache' });
  });

  t.test('WHEN it is redis:// THEN it is kept as written', async (t) => {
    t.same(parseCompileCache('redis://127.0.0.1:6379'), { kind: 'redis', where: 'redis://127.0.0.1:6379' });
  });

  t.test('WHEN it is another scheme or a broken address THEN the error says what to write', async (t) => {
    for (const bad of ['http://cache:80', 'redis://', 'redis://[bad']) {
      t.throws(() => parseCompileCache(bad), KilnError, bad);
      try {
        parseCompileCache(bad);
      } catch (err) {
        t.match((err as KilnError).problems[0].hint ?? '', /redis:\/\/HOST:PORT/, `${bad}: the hint shows the form`);
      }
    }
  });
});

t.test('GIVEN the root build.ninja THEN its compile rule starts with the launcher, which comes from the environment', async (t) => {
  const text = rootNinja({ kiln: '/k', upstream: '/u', generated: '/g' }, []);
  t.match(text, /^launcher = \$\$\{KILN_COMPILER_LAUNCHER\}$/m);
  t.match(text, /command = SOURCE_DATE_EPOCH=\$source_date_epoch \$launcher \$cc /);
});
