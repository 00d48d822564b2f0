// SPDX-License-Identifier: MIT
export { Lwip, type LwipProps } from './lwip.ts';
