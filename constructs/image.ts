// SPDX-License-Identifier: MIT
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Construct } from 'constructs';
import { isAllocatorClass, type AllocatorClass } from './allocator.ts';
import { Board } from './board.ts';
import { Application, Component } from './component.ts';
import type {
  AfterScheduler, AfterUse, AllocatorParam, Composition, FilesParam, ImageIdParam, Refused, StartingComposition, SchedulerParam, SchedulerProp, UseParam,
} from './composition.ts';
import { Use } from './use.ts';
import { Program } from './program.ts';
import { callerOrigin } from './private/origin.ts';
import { describeValue as describe } from './private/props.ts';
import { DEFAULT_SCHEDULER_NAME, Sentences, type ImageScopeSentence } from './rules.ts';
import { tryFindProcessContribution } from './process.ts';
import { isSchedulerClass } from './scheduler.ts';
import { KilnError, type Problem } from '../synth/errors.ts';
import type { BudgetSpec, FileSpec, ImageSpec, ImageTarget, OptionValue, Origin, ToolchainId } from '../synth/spec/image-spec.ts';

const IMAGE_BRAND = Symbol.for('kiln.Image');
const APP_BRAND = Symbol.for('kiln.App');
const ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * What an image's scope must be: the App. App declares this property; the
 * compiler names it when something else is given, so its name is the
 * rule's sentence.
 */
export interface AppScope extends Refused<ImageScopeSentence> {}

/** Properties of an Image. */
export interface ImageProps<B extends Board = Board, T = undefined> {
  /** The board the image is built for. */
  readonly board: B;
  /**
   * The scheduler class: CooperativeScheduler for components that run
   * threads, NoScheduler (or nothing) to run to completion. Given here, it
   * is in the image's type from the start, so every `.use()` is checked
   * against it, also when the image is a variable used statement by
   * statement.
   * @default none: the image runs to completion
   */
  readonly scheduler?: SchedulerProp<T>;
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
  /**
   * Size and RAM limits: a build over them fails, naming the
   * micro-libraries that grew.
   * @default no limits
   */
  readonly budget?: BudgetSpec;
}

/** Options of `Image.files()`. */
export interface FilesOptions {
  /**
   * Where the folder's contents (or the file) go in the image's file system.
   * @default '/' and the folder's or file's own name, e.g. '/www' for './www'
   */
  readonly at?: string;
}

/**
 * An OS image: a board, the applications it runs and the micro-libraries it
 * is built from. Its construct id is the image id, and the name of its
 * folder in the assembly.
 *
 * The fluent methods return the image with a type that remembers what was
 * composed, so the compiler rejects impossible images: a network
 * application on a board without a network device, threads without a
 * scheduler that runs them, an allocator in a slot it cannot serve. The
 * same rules are checked at run time for JavaScript users.
 *
 * @typeParam B - the board
 * @typeParam T - the scheduler class given in the props (inferred)
 * @typeParam P - the scope as given (inferred, so that a new image's composition starts empty; `never` in the plain type `Image`, whose composition is unknown)
 * @typeParam S - what has been composed so far (inferred)
 * @typeParam I - the image id (inferred)
 */
export class Image<B extends Board = Board, T = undefined, P = never, S extends Composition = StartingComposition<T, P>, I extends string = string> extends Construct {
  /** True when `x` is an Image from any copy of Kiln. */
  static isImage(x: unknown): x is Image {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[IMAGE_BRAND] === true;
  }

  readonly board: B;
  readonly target: ImageTarget;
  readonly toolchain: ToolchainId;
  readonly budget?: BudgetSpec;
  /** Where the user created this image. */
  readonly origin: Origin;
  private allocators?: { readonly boot: string; readonly app: string; readonly origin: Origin };
  private schedulerChoice?: { readonly kind: string; readonly name: string; readonly threads: boolean; readonly origin: Origin; readonly afterUses: number };
  private rawConfig: Record<string, OptionValue> = {};
  private readonly embedded: { readonly file: FileSpec; readonly origin: Origin; readonly afterUses: number }[] = [];
  /** Problems found by the fluent calls, reported with the rest at validation. */
  private readonly callProblems: Problem[] = [];
  /** The id as given, when the constructs library changed it (it turns "/" into "--"). */
  private rawId?: string;

  constructor(scope: AppScope & P, id: ImageIdParam<I>, props: ImageProps<B, T>) {
    const origin = callerOrigin();
    const parent = scope as unknown as Construct;
    if (!isConstruct(parent) || !isApp(parent.node.root)) {
      // Outside any App nothing would ever validate or write it.
      throw new KilnError([{ message: Sentences.imageScope(), origin, hint: `the scope given is ${describe(scope)}` }]);
    }
    const existing = parent.node.tryFindChild(id);
    if (existing) {
      const where = Image.isImage(existing) ? ` (first defined at ${existing.origin.file}:${existing.origin.line})` : '';
      throw new KilnError([{
        message: `two images have the id "${id}"${where}`,
        origin: { ...origin, path: parent.node.path ? `${parent.node.path}/${id}` : id },
        hint: 'give each image a unique id: it names the image\'s folder in the assembly',
      }]);
    }
    super(parent, id);
    Object.defineProperty(this, IMAGE_BRAND, { value: true });
    this.origin = { ...origin, path: this.node.path };
    // An image inside an image (or another construct) is still in the App's tree: report it with the rest.
    if (!isApp(parent)) this.callProblems.push({ message: Sentences.imageScope(), origin: this.origin, hint: `its scope is ${parent.node.path || 'a construct'}, not the App` });
    if (typeof props !== 'object' || props === null) this.callProblems.push({ message: `an image's props must be an object such as { board: new QemuVirt() }, got ${describe(props)}`, origin: this.origin });
    // The constructs library turns "/" into "--": judge the id as the user wrote it, not the folder it would make.
    if (typeof id === 'string' && id !== this.node.id) this.rawId = id;
    this.board = props?.board;
    this.target = props?.target ?? 'qemu';
    this.toolchain = props?.toolchain ?? 'gcc';
    if (props?.budget) this.budget = { ...props.budget };
    const scheduler: unknown = props?.scheduler;
    if (scheduler !== undefined) {
      if (!isSchedulerClass(scheduler)) this.callProblems.push({ message: Sentences.schedulerClass(), origin: this.origin, hint: `the scheduler prop is ${describe(scheduler)}` });
      else this.schedulerChoice = { kind: scheduler.kind, name: scheduler.displayName, threads: scheduler.threads, origin: this.origin, afterUses: 0 };
    }
  }

  /**
   * Adds an application or micro-library to the image.
   *
   * @returns this image, with the component in its type
   */
  use<C>(component: UseParam<B, S, C>): Image<B, T, never, AfterUse<S, C>, I> {
    const origin = callerOrigin(this.node.path);
    if (!Component.isComponent(component)) {
      this.callProblems.push({ message: Sentences.component(), origin, hint: `it was given ${describe(component)}` });
    } else {
      new Use(this, this.uniqueChildId(component.kind), component, origin);
    }
    return this as unknown as Image<B, T, never, AfterUse<S, C>, I>;
  }

  /**
   * Chooses the allocator used during boot and init, and the one the
   * application gets after the hand-over. Takes the classes themselves.
   *
   * @returns this image, for chaining
   */
  allocator<BA, AA>(boot: AllocatorParam<BA, 'boot'>, app: AllocatorParam<AA, 'app'>): this {
    const origin = callerOrigin(this.node.path);
    const slots = [['boot', boot as unknown], ['app', app as unknown]] as const;
    let ok = true;
    for (const [slot, cls] of slots) {
      if (!isAllocatorClass(cls)) {
        this.callProblems.push({ message: Sentences.allocatorClass(), origin, hint: `the ${slot} allocator given is ${describe(cls)}` });
        ok = false;
      } else if (!cls.serves?.[slot]) {
        this.callProblems.push({ message: Sentences.allocatorSlot(cls.kind, slot), origin });
        ok = false;
      }
    }
    if (ok) this.allocators = { boot: (boot as AllocatorClass).kind, app: (app as AllocatorClass).kind, origin };
    return this;
  }

  /**
   * Chooses the scheduler, or NoScheduler to run to completion.
   *
   * @returns this image, with the scheduler in its type
   */
  scheduler<X>(scheduler: SchedulerParam<S, X>): Image<B, T, never, AfterScheduler<S, X>, I> {
    const origin = callerOrigin(this.node.path);
    const given: unknown = scheduler;
    if (!isSchedulerClass(given)) {
      this.callProblems.push({ message: Sentences.schedulerClass(), origin, hint: `it was given ${describe(given)}` });
    } else if (this.schedulerChoice) {
      this.callProblems.push({ message: Sentences.schedulerOnce(this.schedulerChoice.name), origin });
    } else {
      this.schedulerChoice = { kind: given.kind, name: given.displayName, threads: given.threads, origin, afterUses: this.uses.length };
    }
    return this as unknown as Image<B, T, never, AfterScheduler<S, X>, I>;
  }

  /**
   * Sets raw Kconfig symbols, for what no construct models yet
   * (e.g. `{ LIBBOOT_TIMELINE: true }`). Later calls override earlier ones.
   *
   * @returns this image, for chaining
   */
  configure(values: Readonly<Record<string, OptionValue>>): this {
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      this.callProblems.push({ message: `.configure() takes an object of Kconfig symbols such as { LIBBOOT_TIMELINE: true }, got ${describe(values)}`, origin: callerOrigin(this.node.path) });
      return this;
    }
    this.rawConfig = { ...this.rawConfig, ...values };
    return this;
  }

  /**
   * Embeds a host folder (or file) in the image: its contents are in the
   * RAM file system at boot, at `at`. The path is relative to the file
   * that calls this; the folder is read when the image is built. Needs an
   * application or library that brings the RAM file system (Lua and Sqlite
   * do).
   *
   * @returns this image, for chaining
   */
  files(path: FilesParam<S>, options: FilesOptions = {}): this {
    const origin = callerOrigin(this.node.path);
    const given: unknown = path;
    const at: unknown = options?.at;
    if (typeof given !== 'string') {
      this.callProblems.push({ message: `.files()' path must be a string (a folder or file relative to this file), got ${describe(given)}`, origin });
      return this;
    }
    if (at !== undefined && typeof at !== 'string') {
      this.callProblems.push({ message: `.files()' at must be a string (a path in the image such as '/data'), got ${describe(at)}`, origin });
      return this;
    }
    const from = resolve(origin.file ? dirname(resolve(origin.file)) : process.cwd(), given);
    this.embedded.push({ file: { at: at ?? `/${basename(from)}`, from }, origin, afterUses: this.uses.length });
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
    const programs = uses.filter(Program.isProgram).map((p) => p.spec);
    return {
      id: this.node.id,
      board: this.board.info,
      ...(this.target !== 'qemu' ? { target: this.target } : {}),
      ...(this.toolchain !== 'gcc' ? { toolchain: this.toolchain } : {}),
      applications: uses.filter(Application.isApplication).map((c) => c.toSpec()),
      ...(libraries.length ? { libraries } : {}),
      ...(this.allocators ? { allocators: { boot: this.allocators.boot, app: this.allocators.app } } : {}),
      ...(this.schedulerChoice ? { scheduler: this.schedulerChoice.kind } : {}),
      ...(Object.keys(this.rawConfig).length ? { config: { ...this.rawConfig } } : {}),
      ...(this.budget ? { budget: { ...this.budget } } : {}),
      ...this.processSpec(),
      ...(this.libraryFolders.length ? { libraryFolders: [...this.libraryFolders] } : {}),
      ...(programs.length ? { programs } : {}),
    };
  }

  /** The library folders of the App this image belongs to. */
  private get libraryFolders(): readonly string[] {
    const root = this.node.root as { libraryFolders?: unknown };
    return Array.isArray(root.libraryFolders) ? (root.libraryFolders as string[]) : [];
  }

  /**
   * The image's process as its components and `.files()` describe it:
   * components' files first, then the image's own (which win at the same
   * path); the first component's args; every component's env.
   */
  private processSpec(): Pick<ImageSpec, 'files' | 'args' | 'env'> {
    const contributions = this.uses.map((u) => tryFindProcessContribution(u.component)).filter((c) => c !== undefined);
    const files = [...contributions.flatMap((c) => c.files ?? []), ...this.embedded.map((e) => e.file)];
    const args = contributions.find((c) => c.args)?.args;
    const env = Object.assign({}, ...contributions.map((c) => c.env ?? {})) as Record<string, string>;
    return {
      ...(files.length ? { files } : {}),
      ...(args ? { args: [...args] } : {}),
      ...(Object.keys(env).length ? { env } : {}),
    };
  }

  /**
   * Every problem with this image, each with the construct path and the
   * user's line it came from: the run-time form of the compile-time checks.
   */
  problems(): Problem[] {
    const problems: Problem[] = [...this.callProblems];
    const at = (message: string, origin: Origin = this.origin, hint?: string) => problems.push({ message, origin, ...(hint ? { hint } : {}) });
    const id = this.rawId ?? this.node.id;
    if (!ID_PATTERN.test(id)) {
      at(Sentences.imageId(id.length > 80 ? `${id.slice(0, 77)}...` : id), this.origin, 'the id names the image\'s folder in the assembly');
    }
    const boardOk = Board.isBoard(this.board);
    if (!boardOk) at(`"board" must be a Board (QemuVirt, RaspberryPi3BPlus, Ultra96V2 or a subclass of your own), got ${describe(this.board)}`);
    if (this.target !== 'qemu' && this.target !== 'hardware') at(`"target" must be 'qemu' or 'hardware', got ${describe(this.target)}`);
    if (this.toolchain !== 'gcc' && this.toolchain !== 'clang') at(`"toolchain" must be 'gcc' or 'clang', got ${describe(this.toolchain)}`);
    const uses = this.uses;
    if (!uses.some((u) => Application.isApplication(u.component))) {
      at('the image has no application', this.origin, 'add one with .use(), e.g. .use(new Hello())');
    }
    for (const { file, origin, afterUses } of this.embedded) {
      if (!file.at.startsWith('/')) at(`.files() puts "${file.from}" at "${file.at}", which is not an absolute path`, origin, 'give at as a path in the image starting with "/"');
      if (file.from !== undefined && !existsSync(file.from)) at(`.files() embeds "${file.from}", which does not exist`, origin);
      if (!uses.slice(0, afterUses).some((u) => u.component.requires.files === true)) at(Sentences.files(), origin);
    }
    const withArgs = uses.filter((u) => tryFindProcessContribution(u.component)?.args);
    if (withArgs.length > 1) {
      at(`${withArgs.map((u) => u.component.name).join(' and ')} both set main()'s arguments; an image has one process`, withArgs[1].origin, 'use one of them per image');
    }
    const setBy = new Map<string, string>();
    for (const use of uses) {
      for (const [name, value] of Object.entries(tryFindProcessContribution(use.component)?.env ?? {})) {
        const first = setBy.get(name);
        if (first !== undefined && first !== value) at(`${use.component.name} sets environment variable ${name} to a different value than another component`, use.origin);
        setBy.set(name, value);
      }
    }
    const firstApplication = uses.find((u) => Application.isApplication(u.component));
    uses.forEach((use, index) => {
      const { requires, name } = use.component;
      if (boardOk && requires.network && this.board.info.network.length === 0) {
        at(Sentences.network(name, this.board.constructor.name), use.origin);
      }
      // The scheduler as it was when this component was used: the one the compiler saw at this .use().
      const sched = this.schedulerChoice && this.schedulerChoice.afterUses <= index ? this.schedulerChoice : undefined;
      if (requires.threads && !sched?.threads) at(Sentences.threads(name, sched?.name ?? DEFAULT_SCHEDULER_NAME), use.origin);
      if (firstApplication && use !== firstApplication && Application.isApplication(use.component)) {
        at(Sentences.oneApplication(firstApplication.component.name, name), use.origin);
      }
      if (boardOk && requires.minHeapBytes && requires.minHeapBytes > this.board.info.ram.size) {
        at(`${name} needs ${requires.minHeapBytes} bytes of heap, more than ${this.board.constructor.name}'s ${this.board.info.ram.size} bytes of RAM`, use.origin);
      }
    });
    return problems;
  }

  private uniqueChildId(kind: string): string {
    let id = kind;
    for (let n = 2; this.node.tryFindChild(id); n++) id = `${kind}-${n}`;
    return id;
  }
}

function isConstruct(x: unknown): x is Construct {
  return typeof x === 'object' && x !== null && typeof (x as { node?: { tryFindChild?: unknown } }).node?.tryFindChild === 'function';
}

function isApp(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[APP_BRAND] === true;
}
