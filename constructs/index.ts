// SPDX-License-Identifier: MIT
export { App, type AppProps } from './app.ts';
export { Image, type ImageProps, type FilesOptions, type AppScope } from './image.ts';
export { Use } from './use.ts';
export type {
  Composition, Uncomposed, InitialComposition, StartingComposition, Refused, UseParam, AllocatorParam, SchedulerParam, SchedulerProp, FilesParam, ImageIdParam, AfterUse, AfterScheduler,
} from './composition.ts';
export type { IntRange, NetworkKind, Provides, Requirements } from './capabilities.ts';
export type { CheckedOptions, InRange, OptionRange } from './options.ts';
export type { PolicyLike, PolicyParam } from './policy.ts';
export { RULES, Sentences, DEFAULT_SCHEDULER_NAME, type Rule, type RuleId } from './rules.ts';
export type {
  AllocatorClassSentence, AllocatorSlotSentence, ComponentSentence, DefaultSchedulerName, FilesSentence, ImageIdSentence, ImageScopeSentence,
  NetworkSentence, OneApplicationSentence, OptionRangeSentence, PolicyResultSentence, SchedulerClassSentence, SchedulerOnceSentence, ThreadsSentence,
} from './rules.ts';
export { boardRegistry, fleet, type BoardFor, type BoardRegistry, type FleetMember } from './fleet.ts';
export { Board, MiB, type BoardInfo, type BootArtifact, type ConsoleUart, type GenericTimer, type InterruptController, type MemoryRegion, type QemuMachine, type VirtioMmioSlots } from './board.ts';
export { Application, Component, Library, type ComponentInit, type NameOf, type RequiresOf } from './component.ts';
export type { BoardNameOf, ProvidesOf, LacksNetwork, LacksNetworkOf, NetworkBoard } from './board.ts';
export { Allocator, isAllocatorClass, type AllocatorClass, type AllocatorSlot } from './allocator.ts';
export { Scheduler, NoScheduler, isSchedulerClass, type SchedulerClass } from './scheduler.ts';
export { Hello, type HelloProps } from './apps/hello.ts';
export { Program, type ProgramProps, type ProgramRequirements } from './program.ts';
export { HttpServer, type HttpServerProps } from './apps/http-server.ts';
export { NetEcho, type NetEchoProps } from './apps/net-echo.ts';
export { Lua, type LuaProps } from './apps/lua.ts';
export { Sqlite, type SqliteProps } from './apps/sqlite.ts';
export { JavaScript, type JavaScriptProps } from './apps/javascript.ts';
export { Ruby, type RubyProps } from './apps/ruby.ts';
export { SqliteLibrary, type SqliteLibraryProps } from './apps/sqlite-library.ts';
export { Nginx, type NginxProps, type NginxServer, type NginxLocation, type NginxReturn } from './apps/nginx.ts';
export { Redis, type RedisProps, type RedisMaxmemoryPolicy, type RedisSize } from './apps/redis.ts';
export { contributeToProcess, tryFindProcessContribution, type ProcessContribution } from './process.ts';
export { Lwip, type LwipProps } from './network/index.ts';
export { Picolibc, type PicolibcProps } from './libc/picolibc.ts';
export { Pi, type PiProps } from './apps/pi.ts';
export { MemReport } from './apps/mem-report.ts';
export { AllocStress, type AllocStressProps } from './apps/alloc-stress.ts';
export { PingPong, type PingPongProps } from './apps/ping-pong.ts';
export { TimerTest, type TimerTestProps } from './apps/timer-test.ts';
export { Crash, CRASH_FAULTS, type CrashFault, type CrashProps } from './apps/crash.ts';
export { BumpAllocator, TlsfAllocator, BuddyAllocator } from './allocators/index.ts';
export { CooperativeScheduler } from './schedulers/index.ts';
export { KilnError, type Problem } from '../synth/errors.ts';
export { Policies, type Policy, type PolicySubject } from '../synth/policy.ts';
export type { ImageSpec, ComponentSpec, BoardId, BudgetSpec, FileSpec, FleetSpec, ImageTarget, ToolchainId, Origin } from '../synth/spec/image-spec.ts';
export { QemuVirt, RaspberryPi3BPlus, Ultra96V2, findBoard, tryFindBoard, readBoard } from '../boards/index.ts';
export type * from './generated/index.ts';
