// SPDX-License-Identifier: MIT
import { Construct } from 'constructs';
import { Board } from './board.ts';
import { Application, Component } from './component.ts';
import type { AllocatorClass } from './allocator.ts';
import type { SchedulerClass } from './scheduler.ts';
import { callerOrigin } from './private/origin.ts';
import { KilnError } from '../synth/errors.ts';
import type { ImageSpec, ImageTarget, Origin, ToolchainId } from '../synth/spec/image-spec.ts';

const IMAGE_BRAND = Symbol.for('kiln.Image');
const USE_BRAND = Symbol.for('kiln.Use');
const ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** Properties of an Image. */
export interface ImageProps {
  /** The board the image is built for. */
  readonly board: Board;
  /**
   * Where the image runs: 'qemu' ends with a semihosting exit that returns
   * main()'s status to QEMU; 'hardware' halts instead.
   * @default 'qemu'
   */
  readonly target?: ImageTarget;
  /**
   * Compiler family.
   * @default 'gcc'
   */
  readonly toolchain?: ToolchainId;
}

/**
 * One component in an image's construct tree, remembering the user's line
 * that added it so errors can point there.
 */
export class Use extends Construct {
  /** True when `x` is a Use from any copy of Kiln. */
  static isUse(x: unknown): x is Use {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[USE_BRAND] === true;
  }

  readonly component: Component;
  readonly origin: Origin;

  constructor(scope: Construct, id: string, component: Component, origin: Origin) {
    super(scope, id);
    Object.defineProperty(this, USE_BRAND, { value: true });
    this.component = component;
    this.origin = { ...origin, path: this.node.path };
  }
}

/**
 * An OS image: a board, the applications it runs and the micro-libraries it
 * is built from. Its construct id is the image id, and the name of its
 * folder in the assembly.
 */
export class Image extends Construct {
  /** True when `x` is an Image from any copy of Kiln. */
  static isImage(x: unknown): x is Image {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[IMAGE_BRAND] === true;
  }

  readonly board: Board;
  readonly target: ImageTarget;
  readonly toolchain: ToolchainId;
  /** Where the user created this image. */
  readonly origin: Origin;
  private allocatorKinds?: { readonly boot: string; readonly app: string };
  private schedulerKind?: string;

  constructor(scope: Construct, id: string, props: ImageProps) {
    const origin = callerOrigin();
    const existing = scope.node.tryFindChild(id);
    if (existing) {
      const where = Image.isImage(existing) ? ` (first defined at ${existing.origin.file}:${existing.origin.line})` : '';
      throw new KilnError([{
        message: `two images have the id "${id}"${where}`,
        origin: { ...origin, path: scope.node.path ? `${scope.node.path}/${id}` : id },
        hint: 'give each image a unique id: it names the image\'s folder in the assembly',
      }]);
    }
    super(scope, id);
    Object.defineProperty(this, IMAGE_BRAND, { value: true });
    this.origin = { ...origin, path: this.node.path };
    this.board = props?.board;
    this.target = props?.target ?? 'qemu';
    this.toolchain = props?.toolchain ?? 'gcc';
    this.node.addValidation({ validate: () => this.validateImage() });
  }

  /**
   * Adds an application or micro-library to the image.
   *
   * @returns this image, for chaining
   */
  use(component: Component): this {
    const origin = callerOrigin();
    if (!Component.isComponent(component)) {
      throw new KilnError([{
        message: `.use() was given ${describe(component)}, not a Kiln application or library`,
        origin: { ...origin, path: this.node.path },
        hint: 'pass an instance, e.g. .use(new Hello())',
      }]);
    }
    new Use(this, this.uniqueChildId(component.kind), component, origin);
    return this;
  }

  /**
   * Chooses the allocator used during boot and init, and the one the
   * application gets after the hand-over.
   *
   * @returns this image, for chaining
   */
  allocator(boot: AllocatorClass, app: AllocatorClass): this {
    const origin = callerOrigin(this.node.path);
    const problems = [['boot', boot], ['app', app]].flatMap(([slot, cls]) => {
      const c = cls as AllocatorClass;
      if (!c || c.isAllocatorClass !== true) return [`the ${slot} allocator must be an allocator class such as BumpAllocator, got ${describe(c)}`];
      if (!c.serves?.[slot as 'boot' | 'app']) return [`${c.kind} cannot serve as the ${slot} allocator`];
      return [];
    });
    if (problems.length) throw new KilnError(problems.map((message) => ({ message, origin })));
    this.allocatorKinds = { boot: boot.kind, app: app.kind };
    return this;
  }

  /**
   * Chooses the scheduler, or NoScheduler to run to completion.
   *
   * @returns this image, for chaining
   */
  scheduler(scheduler: SchedulerClass): this {
    if (!scheduler || scheduler.isSchedulerClass !== true) {
      throw new KilnError([{ message: `.scheduler() must be given a scheduler class such as CooperativeScheduler or NoScheduler, got ${describe(scheduler)}`, origin: callerOrigin(this.node.path) }]);
    }
    this.schedulerKind = scheduler.kind;
    return this;
  }

  /** The components added with .use(), in order. */
  get uses(): readonly Use[] {
    return this.node.children.filter(Use.isUse);
  }

  /** The plain-data form of this image, shared with spec files. */
  toSpec(): ImageSpec {
    const uses = this.uses.map((u) => u.component);
    const libraries = uses.filter((c): boolean => !Application.isApplication(c)).map((c) => c.toSpec());
    return {
      id: this.node.id,
      board: this.board.id,
      ...(this.target !== 'qemu' ? { target: this.target } : {}),
      ...(this.toolchain !== 'gcc' ? { toolchain: this.toolchain } : {}),
      applications: uses.filter(Application.isApplication).map((c) => c.toSpec()),
      ...(libraries.length ? { libraries } : {}),
      ...(this.allocatorKinds ? { allocators: { ...this.allocatorKinds } } : {}),
      ...(this.schedulerKind ? { scheduler: this.schedulerKind } : {}),
    };
  }

  private validateImage(): string[] {
    const errors: string[] = [];
    if (!ID_PATTERN.test(this.node.id)) {
      errors.push(`image id "${this.node.id}" must start with a lowercase letter and hold only lowercase letters, digits and dashes (at most 63)`);
    }
    if (!Board.isBoard(this.board)) {
      errors.push(`"board" must be a Kiln board (QemuVirt, RaspberryPi3BPlus or Ultra96V2), got ${describe(this.board)}`);
    }
    if (this.target !== 'qemu' && this.target !== 'hardware') {
      errors.push(`"target" must be 'qemu' or 'hardware', got ${describe(this.target)}`);
    }
    if (this.toolchain !== 'gcc' && this.toolchain !== 'clang') {
      errors.push(`"toolchain" must be 'gcc' or 'clang', got ${describe(this.toolchain)}`);
    }
    if (!this.uses.some((u) => Application.isApplication(u.component))) {
      errors.push('the image has no application: add one with .use(), e.g. .use(new Hello())');
    }
    return errors;
  }

  private uniqueChildId(kind: string): string {
    let id = kind;
    for (let n = 2; this.node.tryFindChild(id); n++) id = `${kind}-${n}`;
    return id;
  }
}

function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (typeof x === 'string') return `"${x}"`;
  if (typeof x === 'object') return `an object of class ${(x as object).constructor?.name ?? 'Object'}`;
  return `${typeof x} ${String(x)}`;
}
