// SPDX-License-Identifier: MIT
import type { BoardInfo } from './spec/board-info.ts';
import type { ImageSpec } from './spec/image-spec.ts';

/** What a policy sees of one synthesized image. */
export interface PolicySubject {
  readonly spec: ImageSpec;
  readonly board: BoardInfo;
  /** Names of the micro-libraries the image links. */
  readonly libraries: readonly string[];
  /** Whether a Kconfig symbol is on. */
  isEnabled(symbol: string): boolean;
  /** A Kconfig symbol's value (y/n, number, string), or undefined. */
  value(symbol: string): string | undefined;
}

/**
 * A fleet-wide rule, registered once (`app.addPolicy()`, or
 * buildImages({ policies })) and checked on every image at synth. Returns
 * nothing when the image complies, else one or more sentences saying what
 * is wrong and how to fix it.
 */
export interface Policy {
  /** Short name shown with each violation, e.g. 'network images harden their stack'. */
  readonly name: string;
  check(image: PolicySubject): string | readonly string[] | undefined;
}

/** Ready-made policies. */
export const Policies = {
  /** Every image on a board with a network device has `symbol` on. */
  networkImagesEnable(symbol: string, why: string): Policy {
    return {
      name: `network images enable ${symbol}`,
      check: (image) => (image.board.network.length > 0 && !image.isEnabled(symbol)
        ? `${image.board.displayName} has a network device, so ${why}: enable ${symbol}`
        : undefined),
    };
  },
  /** Every image declares a size budget no larger than `maxBytes`. */
  maxImageBytes(maxBytes: number): Policy {
    return {
      name: `images at most ${maxBytes} bytes`,
      check: (image) => {
        const budget = image.spec.budget?.imageBytes;
        if (budget === undefined) return `declare a size budget of at most ${maxBytes} bytes (budget: { imageBytes })`;
        return budget > maxBytes ? `its size budget ${budget} is over the fleet's ${maxBytes} bytes` : undefined;
      },
    };
  },
  /** Images may only link the micro-libraries named in `allowed`. */
  onlyLibraries(allowed: readonly string[]): Policy {
    return {
      name: `only ${allowed.join(', ')}`,
      check: (image) => image.libraries.filter((l) => !allowed.includes(l)).map((l) => `links ${l}, which the fleet does not allow`),
    };
  },
};
