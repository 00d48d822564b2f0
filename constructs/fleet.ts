// SPDX-License-Identifier: MIT
/**
 * Helpers that keep the board in the type when a fleet is written as data:
 * a typed board registry (names to board classes, so a lookup by a name
 * from the inventory returns the class's own type, or the union of the
 * classes it may be) and `fleet()`, which makes one image per member and
 * composes them all in one callback, checked against every member's board.
 * The composition rules then hold as they do for one literal image; only a
 * value typed plain `Board` loses them (synth still checks it, at your line).
 */
import type { App } from './app.ts';
import type { Board, NetworkBoard } from './board.ts';
import type { SchedulerProp } from './composition.ts';
import type { RequiresOf } from './component.ts';
import { Image, type ImageProps } from './image.ts';
import { KilnError } from '../synth/errors.ts';
import { callerOrigin } from './private/origin.ts';
import { describeValue } from './private/props.ts';

/** A board class Kiln can make with no arguments (QemuVirt, or one of your own). */
export type BoardClass = new () => Board;

/** Board factories by name, each returning its class's own type. */
export type BoardRegistry<M extends Readonly<Record<string, BoardClass>>> = { readonly [K in keyof M]: () => InstanceType<M[K]> };

/**
 * A typed board registry: `boardRegistry({ virt: QemuVirt, ultra96: Ultra96V2 })`
 * gives `{ virt: () => QemuVirt; ultra96: () => Ultra96V2 }`, so
 * `boards[device.board]()` has the type of the board (or boards) the
 * inventory's names can be, and the compiler checks each of them.
 */
export function boardRegistry<const M extends Readonly<Record<string, BoardClass>>>(classes: M): BoardRegistry<M> {
  const origin = callerOrigin();
  const bad = Object.entries(classes ?? {}).filter(([, cls]) => typeof cls !== 'function');
  if (typeof classes !== 'object' || classes === null || bad.length) {
    throw new KilnError(bad.length
      ? bad.map(([name, cls]) => ({ message: `boardRegistry()'s ${name} must be a board class such as QemuVirt, got ${describeValue(cls)}`, origin }))
      : [{ message: `boardRegistry() takes an object of board classes such as { virt: QemuVirt }, got ${describeValue(classes)}`, origin }]);
  }
  return Object.fromEntries(Object.entries(classes).map(([name, cls]) => [name, () => new cls()])) as BoardRegistry<M>;
}

/** One image of a fleet: its id and its props. */
export interface FleetMember<B extends Board = Board> extends Omit<ImageProps<B>, 'scheduler'> {
  /** The image id. */
  readonly id: string;
}

/** Properties of a fleet. */
export interface FleetProps<M, T> {
  /** The images, one per member. */
  readonly members: M;
  /**
   * The scheduler of every member: in the images' type from the start.
   * @default none: every image runs to completion
   */
  readonly scheduler?: SchedulerProp<T>;
}

/**
 * One image per member, composed by `compose`: the image it is given has
 * the union of the members' boards in its type, so a component that a
 * member's board cannot run is a compile error at its `.use()` naming
 * that board (and a synth error at the same line for JavaScript).
 *
 * ```ts
 * fleet(app, { members: [{ id: 'gw', board: new QemuVirt() }, { id: 'probe', board: new Ultra96V2() }] },
 *   (image, member) => image.use(new Hello({ greeting: `${member.id} is up` })));
 * ```
 *
 * @returns the images, in the members' order
 */
export function fleet<const M extends readonly FleetMember[], T = undefined>(
  app: App,
  props: FleetProps<M, T>,
  compose: (image: Image<M[number]['board'], T, ImageProps>, member: M[number]) => unknown,
): Image<M[number]['board'], T, ImageProps>[] {
  const origin = callerOrigin();
  if (typeof props !== 'object' || props === null || !Array.isArray(props.members)) {
    throw new KilnError([{ message: `fleet() takes { members: [{ id, board }, ...] }, got ${describeValue(props)}`, origin }]);
  }
  if (typeof compose !== 'function') throw new KilnError([{ message: `fleet()'s last argument must be a function (image, member) => ..., got ${describeValue(compose)}`, origin }]);
  return props.members.map((member: M[number]) => {
    const { id, ...imageProps } = member;
    const image = new Image(app, id, { ...imageProps, ...(props.scheduler !== undefined ? { scheduler: props.scheduler } : {}) } as ImageProps<M[number]['board'], T>);
    compose(image as unknown as Image<M[number]['board'], T, ImageProps>, member);
    return image as unknown as Image<M[number]['board'], T, ImageProps>;
  });
}

/**
 * The boards that can run component type `C`: the constraint for a helper
 * generic in the board, `function edge<B extends BoardFor<HttpServer>>(id: string, board: B)`,
 * so that the compiler checks the board where the helper is called.
 */
export type BoardFor<C> = RequiresOf<C> extends { readonly network: true } ? NetworkBoard : Board;
