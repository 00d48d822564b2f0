// SPDX-License-Identifier: MIT
import { Construct } from 'constructs';
import type { Component } from './component.ts';
import type { Origin } from '../synth/spec/image-spec.ts';

const USE_BRAND = Symbol.for('kiln.Use');

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
