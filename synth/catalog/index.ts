// SPDX-License-Identifier: MIT
/** The catalog of micro-libraries and boards, from Kiln's folders and the user's. */
export { loadBoards, loadCatalog, tryFindBoard, optionName, optionSymbol, USER_BOARDS_KCONFIG, USER_LIBRARIES_KCONFIG, type CatalogOptions, type KilnCatalog } from './catalog.ts';
export { libraryFile, rootedPath, readManifest, GENERATE_SCRIPT, type ApiRegistration, type DeviceBinding, type LibraryManifest, type UpstreamPin } from './library-manifest.ts';
