import { slugOf } from '../../domain/text.ts';
import type { UnitInput } from '../../domain/organisation.ts';

/**
 * The seed's own city (plan 53-KH/ĐTN, Thành Đoàn Sa Đéc, Tỉnh Đoàn Đồng Tháp) in the 2018
 * layout, with the pilot units of seed 002 IV.1. Chi đoàn names follow the local ấp / khóm
 * pattern; they are illustrative, not a register.
 */
const communes: { unitId: string; name: string; kind: 'commune' | 'grassroots'; branches: string[] }[] = [
  { unitId: 'sadec-tan-phu-dong', name: 'Đoàn xã Tân Phú Đông', kind: 'commune', branches: ['ấp Phú Thuận', 'ấp Phú Long', 'ấp Phú Hòa', 'ấp Phú Thạnh'] },
  { unitId: 'sadec-phuong-3', name: 'Đoàn Phường 3', kind: 'commune', branches: ['khóm 1', 'khóm 2', 'khóm 3', 'khóm 4', 'khóm 5'] },
  { unitId: 'sadec-an-hoa', name: 'Đoàn Phường An Hòa', kind: 'commune', branches: ['khóm Hòa Khánh', 'khóm Hòa Thuận', 'khóm Hòa Long'] },
  { unitId: 'sadec-tan-quy-tay', name: 'Đoàn xã Tân Quy Tây', kind: 'commune', branches: ['ấp Tân Hòa', 'ấp Tân Thuận', 'ấp Tân Lập', 'ấp Tân Bình'] },
  { unitId: 'sadec-tan-khanh-dong', name: 'Đoàn xã Tân Khánh Đông', kind: 'commune', branches: ['ấp Khánh Hòa', 'ấp Khánh An', 'ấp Khánh Lợi'] },
  { unitId: 'sadec-tan-quy-dong', name: 'Đoàn Phường Tân Quy Đông', kind: 'commune', branches: ['khóm Tân Hiệp', 'khóm Tân Mỹ', 'khóm Tân Thạnh', 'khóm Tân An'] },
  { unitId: 'sadec-bvdk', name: 'Đoàn ủy Bệnh viện Đa khoa Sa Đéc', kind: 'grassroots', branches: ['Khoa Nội', 'Khoa Ngoại', 'Khoa Sản'] },
];

export const DEMO_UNITS: UnitInput[] = [
  { unitId: 'dong-thap', name: 'Tỉnh Đoàn Đồng Tháp', kind: 'province', leaderEmails: ['bithu@dongthap.doan.example'] },
  { unitId: 'sadec', name: 'Thành Đoàn Sa Đéc', kind: 'district', parentId: 'dong-thap', leaderEmails: ['bithu@sadec.doan.example'] },
  ...communes.flatMap((commune) => [
    {
      unitId: commune.unitId,
      name: commune.name,
      kind: commune.kind,
      parentId: 'sadec',
      leaderEmails: [`bithu.${commune.unitId.replace('sadec-', '').replace(/-/g, '')}@sadec.doan.example`],
    },
    ...commune.branches.map((branch) => ({
      unitId: `${commune.unitId}-${slugOf(branch)}`,
      name: `Chi đoàn ${branch}`,
      kind: 'branch' as const,
      parentId: commune.unitId,
      residential: commune.kind === 'commune',
    })),
  ]),
];
