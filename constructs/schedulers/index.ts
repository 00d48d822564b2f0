// SPDX-License-Identifier: MIT
export { CooperativeScheduler } from './cooperative.ts';
