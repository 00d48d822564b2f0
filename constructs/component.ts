// SPDX-License-Identifier: MIT
import type { ComponentSpec, OptionValue } from '../synth/spec/image-spec.ts';
import type { Requirements } from './capabilities.ts';

const COMPONENT_BRAND = Symbol.for('kiln.Component');
const APPLICATION_BRAND = Symbol.for('kiln.Application');

/** Type-level keys: what a component is called and what it needs, for the compiler's checks. */
declare const NAME: unique symbol;
declare const REQUIRES: unique symbol;
declare const IS_APPLICATION: unique symbol;

/** What a Component subclass passes to its base. */
export interface ComponentInit<Name extends string, R extends Requirements> {
  /** The library's catalog name (lib/<dir>/library.yaml `name`), e.g. 'hello'. */
  readonly kind: string;
  /** The class name users see in messages, e.g. 'Hello'. */
  readonly name: Name;
  /** What the component needs from its board and image. @default {} */
  readonly requires?: R;
  /** Option values; undefined ones keep the library's Kconfig default. */
  readonly options?: Readonly<Record<string, OptionValue | undefined>>;
}

/**
 * A micro-library an image can `.use()`: its name in the library catalog,
 * its option values and what it requires.
 *
 * Option keys are camelCase forms of the library's Kconfig symbols (option
 * `exitStatus` of APP_HELLO is APP_HELLO_EXIT_STATUS).
 *
 * @typeParam Name - the class name, shown in compile-time errors
 * @typeParam R - what it requires, checked against the board and image at compile time
 */
export abstract class Component<Name extends string = string, R extends Requirements = Requirements> {
  /** True when `x` is a Component from any copy of Kiln. */
  static isComponent(x: unknown): x is Component {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[COMPONENT_BRAND] === true;
  }

  declare readonly [NAME]: Name;
  declare readonly [REQUIRES]: R;

  /** The library's catalog name, e.g. 'hello'. */
  readonly kind: string;
  /** The class name, e.g. 'Hello'. */
  readonly name: Name;
  readonly requires: R;
  /** Option values that differ from the library's Kconfig defaults. */
  readonly options: Readonly<Record<string, OptionValue>>;

  protected constructor(init: ComponentInit<Name, R>) {
    Object.defineProperty(this, COMPONENT_BRAND, { value: true });
    this.kind = init.kind;
    this.name = init.name;
    this.requires = init.requires ?? ({} as R);
    const set: Record<string, OptionValue> = {};
    for (const [key, value] of Object.entries(init.options ?? {})) if (value !== undefined) set[key] = value;
    this.options = set;
  }

  /** The plain-data form used in ImageSpec. */
  toSpec(): ComponentSpec {
    return Object.keys(this.options).length ? { kind: this.kind, options: { ...this.options } } : { kind: this.kind };
  }
}

/** An application: the code whose main() the image runs. */
export abstract class Application<Name extends string = string, R extends Requirements = Requirements> extends Component<Name, R> {
  /** Tells applications from libraries at compile time (an image runs one application). */
  declare readonly [IS_APPLICATION]: true;

  /** True when `x` is an Application from any copy of Kiln. */
  static isApplication(x: unknown): x is Application {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[APPLICATION_BRAND] === true;
  }

  protected constructor(init: ComponentInit<Name, R>) {
    super(init);
    Object.defineProperty(this, APPLICATION_BRAND, { value: true });
  }
}

/** A micro-library used for what it provides (a driver, a service) rather than a main(). */
export abstract class Library<Name extends string = string, R extends Requirements = Requirements> extends Component<Name, R> {}

/** The class name of a component type, for error types. */
export type NameOf<C> = C extends Component<infer N, Requirements> ? N : 'this component';
/** What a component type requires. */
export type RequiresOf<C> = C extends { readonly [REQUIRES]: infer R } ? R : never;
