import { foldForSearch } from './text.ts';
import type { Unit } from './organisation.ts';

/**
 * A submission's reference, short enough to read out on the phone and write on a paper file:
 * "SD-2027-000412", the initials of the district (or province) the unit sits in, the cycle's year
 * and a number in that place's yearly sequence. An amendment keeps its first version's reference,
 * so one dossier is one reference whatever its versions.
 */
const ORGAN_PREFIX = /^(Thành Đoàn|Tỉnh Đoàn|Huyện Đoàn|Thị Đoàn|Quận Đoàn|Đoàn)\s+/iu;

/** "Thành Đoàn Sa Đéc" → "SD", "Tỉnh Đoàn Đồng Tháp" → "DT": the place's initials, unmarked. */
export function placeInitials(name: string): string {
  const place = name.replace(ORGAN_PREFIX, '');
  const initials = foldForSearch(place)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!)
    .join('')
    .toUpperCase();
  return initials.slice(0, 4) || 'HS';
}

/** The unit whose initials a reference carries: the nearest district above (or at) it, else its province. */
export function referencePlace(unit: Pick<Unit, 'unitId' | 'kind'>, ancestors: Pick<Unit, 'unitId' | 'kind' | 'name'>[]): Pick<Unit, 'unitId' | 'name'> | undefined {
  const line = [...ancestors, unit as Pick<Unit, 'unitId' | 'kind' | 'name'>];
  return line.findLast((candidate) => candidate.kind === 'district') ?? line.findLast((candidate) => candidate.kind === 'province');
}

export function formatReference(initials: string, year: number, sequence: number): string {
  return `${initials}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const REFERENCE_PATTERN = /^[A-Z0-9]{1,4}-\d{4}-\d{6,}$/;
