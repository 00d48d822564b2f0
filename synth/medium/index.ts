// SPDX-License-Identifier: MIT
/**
 * Boot media: what a user copies to a real board (`kiln build --medium`).
 */
export { mediumKind, planMedium, removeMedium, writeMedium, type MediumFile, type MediumKind, type MediumPlan, type MediumResult, type WriteMediumOptions } from './write-medium.ts';
export { mediumConfigTxt, parseConfigTxt, referencedFiles, type ConfigTxtSetting } from './config-txt.ts';
export { bootScriptText, imageStagingAddress, scriptCommands, uBootReadme } from './u-boot-script.ts';
export { fatImageLayout, masterBootRecord, writeFatImage, type FatImageLayout } from './fat-image.ts';
export { RASPI_FIRMWARE, RPI3_FIRMWARE_FILES, debianFirmware, firmwareFromFolder, nonFreeFirmwareStanzas, parseDeb822, parseOneLine, type AptSource, type FirmwareFiles, type FirmwarePin } from './firmware.ts';
export { qemuOnlyImagesForRealBoards, qemuTargetWarning, type QemuOnlyImage } from './hardware-check.ts';
export { ARM64_IMAGE_MAGIC, imageHeaderProblems, parseArm64ImageHeader, type Arm64ImageHeader } from './arm64-header.ts';
export { RPI_ARM64, U_BOOT_SOURCE, uBootBuild, uBootFromDebian, type UBootBuild, type UBootTarget } from './u-boot-build.ts';
