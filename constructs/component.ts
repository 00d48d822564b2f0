// SPDX-License-Identifier: MIT
import type { ComponentSpec, OptionValue } from '../synth/spec/image-spec.ts';

const COMPONENT_BRAND = Symbol.for('kiln.Component');
const APPLICATION_BRAND = Symbol.for('kiln.Application');

/**
 * A micro-library an image can `.use()`: its name in the library catalog
 * (lib/<dir>/library.yaml) and its option values.
 *
 * Option keys are camelCase forms of the library's Kconfig symbols (option
 * `exitStatus` of APP_HELLO is APP_HELLO_EXIT_STATUS).
 */
export abstract class Component {
  /** True when `x` is a Component from any copy of Kiln. */
  static isComponent(x: unknown): x is Component {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[COMPONENT_BRAND] === true;
  }

  /** The library's catalog name, e.g. 'hello'. */
  readonly kind: string;
  /** Option values that differ from the library's Kconfig defaults. */
  readonly options: Readonly<Record<string, OptionValue>>;

  protected constructor(kind: string, options: Readonly<Record<string, OptionValue | undefined>> = {}) {
    Object.defineProperty(this, COMPONENT_BRAND, { value: true });
    this.kind = kind;
    const set: Record<string, OptionValue> = {};
    for (const [key, value] of Object.entries(options)) if (value !== undefined) set[key] = value;
    this.options = set;
  }

  /** The plain-data form used in ImageSpec. */
  toSpec(): ComponentSpec {
    return Object.keys(this.options).length ? { kind: this.kind, options: { ...this.options } } : { kind: this.kind };
  }
}

/** An application: the code whose main() the image runs. */
export abstract class Application extends Component {
  /** True when `x` is an Application from any copy of Kiln. */
  static isApplication(x: unknown): x is Application {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[APPLICATION_BRAND] === true;
  }

  protected constructor(kind: string, options?: Readonly<Record<string, OptionValue | undefined>>) {
    super(kind, options);
    Object.defineProperty(this, APPLICATION_BRAND, { value: true });
  }
}

/** A micro-library used for what it provides (a driver, a service) rather than a main(). */
export abstract class Library extends Component {}
