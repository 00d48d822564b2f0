// SPDX-License-Identifier: MIT
export { App, type AppProps } from './app.ts';
export { Image, Use, type ImageProps, type Composition, type Uncomposed, type UseCheck, type AllocatorCheck, type SchedulerCheck } from './image.ts';
export type { CannotServe, IntRange, NeedsNetwork, NeedsThreads, NetworkKind, NotAComponent, NotAnAllocator, NotAScheduler, Provides, Requirements } from './capabilities.ts';
export { Board, MiB, type BoardInfo, type BootArtifact, type ConsoleUart, type InterruptController, type MemoryRegion, type QemuMachine } from './board.ts';
export { Application, Component, Library, type ComponentInit, type NameOf, type RequiresOf } from './component.ts';
export type { BoardNameOf, ProvidesOf } from './board.ts';
export { Allocator, isAllocatorClass, type AllocatorClass, type AllocatorSlot } from './allocator.ts';
export { Scheduler, NoScheduler, isSchedulerClass, type SchedulerClass } from './scheduler.ts';
export { Hello, type HelloProps } from './apps/hello.ts';
export { KilnError, type Problem } from '../synth/errors.ts';
export { Policies, type Policy, type PolicySubject } from '../synth/policy.ts';
export type { ImageSpec, ComponentSpec, BoardId, BudgetSpec, FleetSpec, ImageTarget, ToolchainId, Origin } from '../synth/spec/image-spec.ts';
export { QemuVirt, RaspberryPi3BPlus, Ultra96V2, findBoard, tryFindBoard } from '../boards/index.ts';
export type * from './generated/index.ts';
