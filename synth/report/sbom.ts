// SPDX-License-Identifier: MIT
import type { LinkedLibraryRecord } from '../plan/link-plan.ts';
import type { DebianPackage } from './versions.ts';

/** A micro-library linked into the image: the link plan's record of it, as much as the SBOM reads. */
export type SbomLibrary = Pick<LinkedLibraryRecord, 'name' | 'license' | 'reason' | 'symbols' | 'dir' | 'sources'>;

/** Upstream code linked from a Debian package's archive. */
export interface SbomUpstream {
  readonly package: DebianPackage;
  readonly archive: string;
  /** Archive members the linker pulled in. */
  readonly members: readonly string[];
  /** Why: the symbols of Kiln's code that needed them. */
  readonly reason: string;
}

/** What sbomDocument() describes. */
export interface SbomInput {
  readonly image: string;
  readonly board: string;
  readonly artifact: { readonly file: string; readonly sha256: string };
  readonly kilnVersion: string;
  readonly libraries: readonly SbomLibrary[];
  readonly upstream: readonly SbomUpstream[];
  /** Seconds since the epoch for creationInfo.created (SOURCE_DATE_EPOCH): the same input gives the same document. */
  readonly epoch: number;
}

/**
 * Licenses of upstream Debian source packages, by source package name, as
 * SPDX expressions. picolibc's copyright file lists dozens of BSD-style
 * variants under names that are not SPDX identifiers, so it gets a
 * LicenseRef pointing at that file rather than a guess.
 */
const UPSTREAM_LICENSES: Readonly<Record<string, { readonly expression: string; readonly extracted?: { readonly name: string; readonly text: string } }>> = {
  picolibc: {
    expression: 'LicenseRef-picolibc',
    extracted: {
      name: 'picolibc licenses',
      text: 'A collection of BSD-2-Clause, BSD-3-Clause and similar permissive licenses, file by file; see /usr/share/doc/picolibc-aarch64-linux-gnu/copyright.',
    },
  },
  'gcc-12-cross': { expression: 'GPL-3.0-or-later WITH GCC-exception-3.1' },
  'gcc-12': { expression: 'GPL-3.0-or-later WITH GCC-exception-3.1' },
};

/** An SPDX id from free text. */
function spdxId(...parts: readonly string[]): string {
  return `SPDXRef-${parts.join('-').replace(/[^A-Za-z0-9.-]+/g, '-')}`;
}

/**
 * The image's SPDX 2.3 SBOM (JSON): the image, every micro-library linked
 * into it and every upstream package whose code the linker pulled in,
 * each with its license and the reason it is there.
 */
export function sbomDocument(input: SbomInput): Record<string, unknown> {
  const imageId = spdxId('Image', input.image);
  const extracted = new Map<string, { licenseId: string; name: string; extractedText: string }>();
  const packages: Record<string, unknown>[] = [{
    SPDXID: imageId,
    name: input.image,
    versionInfo: input.artifact.sha256.slice(0, 12),
    packageFileName: input.artifact.file,
    primaryPackagePurpose: 'FIRMWARE',
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    checksums: [{ algorithm: 'SHA256', checksumValue: input.artifact.sha256 }],
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    comment: `Kiln image for board ${input.board}.`,
  }];
  const contained: string[] = [];
  for (const lib of input.libraries) {
    const id = spdxId('Kiln', lib.name);
    contained.push(id);
    packages.push({
      SPDXID: id,
      name: `kiln-${lib.name}`,
      versionInfo: input.kilnVersion,
      supplier: 'Organization: Kiln',
      primaryPackagePurpose: 'LIBRARY',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      sourceInfo: `Kiln micro-library ${lib.dir}: ${lib.sources.join(', ')}`,
      licenseConcluded: lib.license,
      licenseDeclared: lib.license,
      copyrightText: 'NOASSERTION',
      comment: `Linked because: ${lib.reason} (Kconfig ${lib.symbols.join(', ')}).`,
    });
  }
  for (const up of input.upstream) {
    const id = spdxId('Debian', up.package.name);
    contained.push(id);
    const license = UPSTREAM_LICENSES[up.package.source];
    if (license?.extracted) {
      extracted.set(license.expression, { licenseId: license.expression, name: license.extracted.name, extractedText: license.extracted.text });
    }
    packages.push({
      SPDXID: id,
      name: up.package.name,
      versionInfo: up.package.version,
      supplier: 'Organization: Debian',
      primaryPackagePurpose: 'LIBRARY',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      sourceInfo: `Debian source package ${up.package.source}; linked from ${up.archive}: ${up.members.join(', ')}`,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: license?.expression ?? 'NOASSERTION',
      copyrightText: 'NOASSERTION',
      externalRefs: [{
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: `pkg:deb/debian/${up.package.name}@${encodeURIComponent(up.package.version)}?arch=${up.package.architecture}`,
      }],
      comment: `Linked because: ${up.reason}.`,
    });
  }
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `kiln-image-${input.image}`,
    documentNamespace: `urn:kiln:sbom:${input.image}:${input.artifact.sha256}`,
    creationInfo: {
      created: new Date(input.epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      creators: [`Tool: kiln-${input.kilnVersion}`],
    },
    documentDescribes: [imageId],
    packages,
    ...(extracted.size ? { hasExtractedLicensingInfos: [...extracted.values()] } : {}),
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
      ...contained.map((id) => ({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: id })),
    ],
  };
}
