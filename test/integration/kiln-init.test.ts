// SPDX-License-Identifier: MIT
// Your own code as a new user brings it (issue 14): Kiln packed with npm
// pack; `kiln init` from that tarball in a folder outside the repository;
// the tarball installed; the user's own tsc; then a C program and a C++
// program of the user's, built for all three boards and booted in QEMU;
// then one source edited and exactly one object compiled again.
import t from 'tap';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.ts';
import { patience } from '../helpers/watchdog.ts';

// kiln run's own limit for a short program: a minute, scaled by the machine's load.
const RUN_LIMIT_S = String(Math.round(patience(60_000) / 1000));
import { command, installProject, packKiln } from '../helpers/package.ts';

const C_PROGRAM = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int clock_gettime(clockid_t clock, struct timespec *tp);
int nanosleep(const struct timespec *request, struct timespec *remaining);

int main(void)
{
	struct timespec a, b, pause = { 0, 30 * 1000 * 1000 };
	char *text = malloc(64);
	FILE *f = fopen("/data/greeting.txt", "r");

	if (!text || !f || !fgets(text, 64, f))
		return 1;
	text[strcspn(text, "\\n")] = 0;
	clock_gettime(CLOCK_MONOTONIC, &a);
	nanosleep(&pause, 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("c: %s\\n", text);
	printf("c: slept 30 ms: %s\\n", (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec) >= 30000000L ? "yes" : "no");
	free(text);
	return 5;
}
`;

const CPP_PROGRAM = `#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Announcer {
	Announcer() { std::puts("cpp: static object constructed"); }
	~Announcer() { std::puts("cpp: static object destroyed"); }
} announcer;

struct Shape {
	virtual ~Shape() = default;
	virtual int area() const = 0;
};

struct Square : Shape {
	explicit Square(int side) : side(side) {}
	int area() const override { return side * side; }
	int side;
};

struct Rectangle : Shape {
	Rectangle(int w, int h) : w(w), h(h) {}
	int area() const override { return w * h; }
	int w, h;
};

} // namespace

int main()
{
	Shape *shapes[] = { new Square(3), new Rectangle(2, 5) };
	int total = 0;
	for (Shape *s : shapes) {
		total += s->area();
		delete s;
	}
	std::printf("cpp: areas %d\\n", total);

	std::array<int, 6> values{ 9, 4, 7, 1, 8, 2 };
	std::sort(values.begin(), values.end(), [](int a, int b) { return a > b; });
	std::printf("cpp: sorted %d %d %d %d %d %d\\n", values[0], values[1], values[2], values[3], values[4], values[5]);

	std::vector<std::string> words{ "kiln", "fires", "clay" };
	std::string joined;
	for (const auto &w : words)
		joined += (joined.empty() ? "" : " ") + w;
	std::printf("cpp: %s\\n", joined.c_str());

	try {
		(void)words.at(7);
	} catch (const std::out_of_range &) {
		std::puts("cpp: caught out_of_range");
	}
	return 6;
}
`;

const IMAGE = `import { App, Image, Program, QemuVirt, RaspberryPi3BPlus, Ultra96V2 } from 'kiln';

const app = new App();
const boards = { virt: new QemuVirt(), rpi3: new RaspberryPi3BPlus(), ultra96: new Ultra96V2() };
for (const [name, board] of Object.entries(boards)) {
  new Image(app, \`c-\${name}\`, { board })
    .use(new Program({ name: 'greeter', sources: 'src/c/*.c', cflags: ['-Wall', '-Werror'], requires: { files: true } }))
    .files('./data');
  new Image(app, \`cpp-\${name}\`, { board })
    .use(new Program({ name: 'shapes', sources: 'src/cpp/*.cpp', cflags: ['-Wall'] }))
    .configure({ LIBCXXRT_EXCEPTIONS: true, LIBCXXRT_RTTI: true });
}
app.synth();
`;

t.test('GIVEN Kiln packed WHEN a new user runs kiln init, installs it and brings C and C++ programs THEN they boot on every board', async (t) => {
  const packed = await packKiln();
  const home = tempDir('kiln-init-');
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  t.notOk(home.startsWith(`${ROOT}/`), 'outside the repository');
  const cache = join(home, 'cache');
  const run = (argv: readonly string[], cwd: string, timeoutMs = 300_000) => command(argv, { cwd, timeoutMs, env: { XDG_CACHE_HOME: cache } });

  // npx kiln init, from the tarball, before the project exists.
  const init = await run(['npm', 'exec', '--yes', '--prefer-offline', '--no-audit', '--no-fund', `--package=${packed.tarball}`, '--', 'kiln', 'init', 'blink'], home);
  t.equal(init.code, 0, `kiln init succeeds\n${init.stderr}`);
  const project = join(home, 'blink');
  for (const f of ['package.json', 'tsconfig.json', 'image.ts', 'src/main.c', '.gitignore', 'README.md']) t.ok(existsSync(join(project, f)), `kiln init wrote ${f}`);

  const install = await installProject(project, packed.tarball);
  t.equal(install.code, 0, `npm install succeeds\n${install.stderr}`);
  const tsc = await run(['npx', 'tsc', '--noEmit'], project);
  t.equal(tsc.code, 0, `the user's tsc passes on the new project\n${tsc.stdout}${tsc.stderr}`);
  const first = await run(['npx', 'kiln', 'build', 'image.ts', '--quiet'], project);
  t.equal(first.code, 0, `the new project builds as it is\n${first.stderr}`);
  const hello = await run(['npx', 'kiln', 'run', 'kiln.out/blink', '--timeout', RUN_LIMIT_S], project, 90_000);
  t.equal(hello.code, 0, hello.stderr);
  t.match(hello.stdout, /Hello from blink, \d+ ms after boot/);

  // The user's own C and C++ programs.
  rmSync(join(project, 'src', 'main.c'));
  for (const [file, text] of [['src/c/main.c', C_PROGRAM], ['src/cpp/main.cpp', CPP_PROGRAM], ['data/greeting.txt', 'hello from the host\n'], ['image.ts', IMAGE]] as const) {
    mkdirSync(join(project, file, '..'), { recursive: true });
    writeFileSync(join(project, file), text);
  }
  const tsc2 = await run(['npx', 'tsc', '--noEmit'], project);
  t.equal(tsc2.code, 0, `the user's tsc passes\n${tsc2.stdout}${tsc2.stderr}`);
  const build = await run(['npx', 'kiln', 'build', 'image.ts', '--quiet'], project, 600_000);
  t.equal(build.code, 0, `six images build\n${build.stderr.slice(-3000)}`);
  t.comment(`npx kiln build (6 images): ${build.ms} ms`);

  for (const board of ['virt', 'rpi3', 'ultra96']) {
    const c = await run(['npx', 'kiln', 'run', `kiln.out/c-${board}`, '--timeout', RUN_LIMIT_S], project, 90_000);
    t.equal(c.code, 5, `c-${board}: main()'s status (${c.stderr.slice(-300)})`);
    t.same(c.stdout.split(/\r?\n/).filter((l) => l.startsWith('c: ')), ['c: hello from the host', 'c: slept 30 ms: yes'], `c-${board}: output`);
    const cpp = await run(['npx', 'kiln', 'run', `kiln.out/cpp-${board}`, '--timeout', RUN_LIMIT_S], project, 90_000);
    t.equal(cpp.code, 6, `cpp-${board}: main()'s status (${cpp.stderr.slice(-300)})`);
    t.same(cpp.stdout.split(/\r?\n/).filter((l) => l.startsWith('cpp: ')), [
      'cpp: static object constructed',
      'cpp: areas 19',
      'cpp: sorted 9 8 7 4 2 1',
      'cpp: kiln fires clay',
      'cpp: caught out_of_range',
      'cpp: static object destroyed',
    ], `cpp-${board}: output`);
  }

  appendFileSync(join(project, 'src', 'cpp', 'main.cpp'), '// edited\n');
  const again = await run(['npx', 'kiln', 'build', 'image.ts', '--progress'], project, 600_000);
  t.equal(again.code, 0, again.stderr.slice(-2000));
  const compiles = [...new Set(again.stderr.split(/[\r\n]/).filter((l) => /^\[\d+\/\d+\] CC /.test(l)).map((l) => l.replace(/^\[\d+\/\d+\] /, '')))];
  t.same(compiles, [`CC ${join(project, 'src', 'cpp', 'main.cpp')} (cpp-virt +2)`], 'one object compiled again, shared by the three boards');
});
