// SPDX-License-Identifier: MIT
// The network's synth side: the board's virtio-mmio data bound to the
// driver, QEMU's user networking and port forwards, the HttpServer
// construct's content encoding, and lwIP's options as typed props.
import t from 'tap';
import { join } from 'node:path';
import { findBoard, HttpServer, Lwip } from '../../constructs/index.ts';
import { encodeContent } from '../../constructs/apps/http-server.ts';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { bindingsSource } from '../../synth/plan/bindings.ts';
import type { ImageManifest } from '../../synth/plan/image-manifest.ts';
import { parseForward, qemuCommand } from '../../synth/run.ts';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';

t.test('GIVEN QEMU virt THEN its virtio-mmio slots match BOARDS.md', async (t) => {
  const virt = findBoard('qemu-virt').info;
  t.same(virt.virtioMmio, { base: 0x0a000000, stride: 0x200, count: 32, irq: 48 }, 'slot n at 0x0a000000 + n*0x200, GIC SPI 16+n = INTID 48+n');
  t.ok(virt.devices.some((d) => d.base === 0x0a000000 && d.size >= 32 * 0x200), 'the slots are mapped as device memory');
  t.equal(virt.qemu.nic, 'virtio-net-device');
});

t.test('GIVEN an image with the network device API WHEN bindings.c is generated THEN virtio-net gets the board\'s slots', async (t) => {
  const catalog = loadCatalog({ root: ROOT });
  const on = new Set(['LIBNETDEV', 'LIBVIRTIO_NET', 'LIBVIRTIO_MMIO']);
  const libraries = ['pl011', 'netdev', 'virtio-mmio', 'virtio-net'].map((n) => catalog.manifests.get(n)!);
  const c = bindingsSource({ board: findBoard('qemu-virt').info, libraries, isEnabled: (s) => on.has(s) });
  t.match(c, /#include <virtio-net\/virtio-net\.h>/);
  t.match(c, /static struct virtio_net network_device = \{\n\t\.base = 0xa000000UL,\n\t\.stride = 512,\n\t\.count = 32,\n\t\.irq = 48,\n\};/);
  t.match(c, /kiln_netdev_register\(&virtio_net_ops, &network_device\);/);
  const without = bindingsSource({ board: findBoard('qemu-virt').info, libraries: [catalog.manifests.get('pl011')!], isEnabled: () => false });
  t.notMatch(without, /netdev/, 'no network device without the API');
});

const manifest = (network?: ImageManifest['qemu']['network']): ImageManifest => ({
  kiln: 'image-manifest/1', id: 'web', board: { id: 'qemu-virt', name: 'QEMU virt' }, target: 'qemu', toolchain: 'gcc', exit: 'semihosting',
  spec: { id: 'web', board: 'qemu-virt', applications: [] }, libraries: [], files: {}, artifact: { file: 'image.bin', form: 'raw', companions: [] },
  qemu: { binary: 'qemu-system-aarch64', args: ['-M', 'virt'], env: {}, kernel: 'image.bin', stderrNoise: [], ...(network ? { network } : {}) },
});

t.test('GIVEN port forwards WHEN the QEMU command is built THEN they go on the user network, bound to 127.0.0.1', async (t) => {
  const cmd = qemuCommand('/x/web', manifest({ netdev: 'user,id=n0', device: 'virtio-net-device,netdev=n0' }), [], [{ host: 8080, guest: 80 }, { host: 2222, guest: 22 }]);
  t.same(cmd.slice(3, 7), ['-netdev', 'user,id=n0,hostfwd=tcp:127.0.0.1:8080-:80,hostfwd=tcp:127.0.0.1:2222-:22', '-device', 'virtio-net-device,netdev=n0']);
  t.same(qemuCommand('/x/web', manifest({ netdev: 'user,id=n0', device: 'virtio-net-device,netdev=n0' })).slice(3, 7), ['-netdev', 'user,id=n0', '-device', 'virtio-net-device,netdev=n0'], 'no forward: the network alone');
  t.throws(() => qemuCommand('/x/web', manifest(), [], [{ host: 8080, guest: 80 }]), /image "web" has no network stack, so no port can be forwarded to it/);
});

t.test('GIVEN --forward text THEN only HOSTPORT:GUESTPORT with ports 1 to 65535 parses', async (t) => {
  t.same(parseForward('8080:80'), { host: 8080, guest: 80 });
  for (const bad of ['80', '0:80', '8080:65536', 'a:b', '8080:80:1', ' 8080:80']) t.equal(parseForward(bad), undefined, bad);
});

t.test('GIVEN HttpServer content WHEN encoded THEN every page survives as one Kconfig-safe line', async (t) => {
  const text = encodeContent({ '/': '<p class="x">h\u00e9\\\n</p>', '/ok.txt': '100% "quoted"' });
  t.equal(text, '/ %3Cp%20class%3D%22x%22%3Eh%C3%A9%5C%0A%3C/p%3E /ok.txt 100%25%20%22quoted%22');
  t.notMatch(text, /["\\\n]/, 'no quote, backslash or newline');
  t.throws(() => encodeContent({ 'index.html': 'x', '/a b': 'y' }), /content path "index\.html" is not a URL path/);
  const server = new HttpServer({ port: 8080, content: { '/': 'hi' }, idleTimeoutMs: 2000 });
  t.same(server.toSpec(), { kind: 'http-server', options: { port: 8080, idleTimeoutMs: 2000, content: '/ hi' } });
  t.same(server.requires, { network: true });
  t.same(new Lwip({ tcpPcbs: 64, dhcp: false }).toSpec(), { kind: 'lwip', options: { tcpPcbs: 64, dhcp: false } });
});

t.test('GIVEN HttpServer on a board without a network device WHEN the program is type-checked THEN the compiler names the problem', async (t) => {
  const dir = tempDir();
  const r = await kiln(['synth', 'test/fixtures/invalid/net-http-on-rpi3.ts', '-o', join(dir, 'out')]);
  t.equal(r.code, 1);
  t.match(r.stderr, /net-http-on-rpi3\.ts:8:\d+: TS2345: .*HttpServer needs a network device, but RaspberryPi3BPlus has none: use a board with one \(QemuVirt\) or leave HttpServer out/);
});
