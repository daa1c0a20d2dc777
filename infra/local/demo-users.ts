import type { Role } from '../../domain/roles.ts';

/** Demo accounts for the seed's own city (Thành Đoàn Sa Đéc, Tỉnh Đoàn Đồng Tháp). Local only. */
export interface DemoUser {
  userId: string;
  name: string;
  email: string;
  roles: Role[];
  unitId: string;
  unitName: string;
  /** For an appraiser: the commune they come from (never appraised by them). */
  homeUnitId?: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    userId: 'bithu-tanphudong',
    name: 'Nguyễn Thị Thu Hà',
    email: 'bithu.tanphudong@sadec.doan.example',
    roles: ['secretary'],
    unitId: 'sadec-tan-phu-dong',
    unitName: 'Đoàn xã Tân Phú Đông',
  },
  {
    userId: 'bithu-apphuthuan',
    name: 'Lê Hoàng Nam',
    email: 'bithu.apphuthuan@sadec.doan.example',
    roles: ['secretary'],
    unitId: 'sadec-tan-phu-dong-ap-phu-thuan',
    unitName: 'Chi đoàn ấp Phú Thuận',
  },
  {
    userId: 'bithu-phuong3',
    name: 'Trần Minh Khoa',
    email: 'bithu.phuong3@sadec.doan.example',
    roles: ['secretary'],
    unitId: 'sadec-phuong-3',
    unitName: 'Đoàn Phường 3',
  },
  {
    userId: 'xaydungdoan-sadec',
    name: 'Lê Văn Phúc',
    email: 'xaydungdoan@sadec.doan.example',
    roles: ['organiser'],
    unitId: 'sadec',
    unitName: 'Thành Đoàn Sa Đéc',
  },
  {
    userId: 'thamdinh-sadec',
    name: 'Phạm Ngọc Lan',
    email: 'thamdinh@sadec.doan.example',
    roles: ['appraiser'],
    unitId: 'sadec',
    unitName: 'Thành Đoàn Sa Đéc',
  },
  {
    userId: 'thamdinh2-sadec',
    name: 'Đỗ Quang Huy',
    email: 'thamdinh2@sadec.doan.example',
    roles: ['appraiser'],
    unitId: 'sadec',
    unitName: 'Thành Đoàn Sa Đéc',
    // From Tân Phú Đông: the draw never sends him to its chi đoàn.
    homeUnitId: 'sadec-tan-phu-dong',
  },
  {
    userId: 'bithu-sadec',
    name: 'Võ Thanh Tùng',
    email: 'bithu@sadec.doan.example',
    roles: ['leader'],
    unitId: 'sadec',
    unitName: 'Thành Đoàn Sa Đéc',
  },
  {
    // A full-time member of the province's committee: the "1+2" practice counts her days at the grassroots.
    userId: 'uvbch-dongthap',
    name: 'Trần Thị Ngọc Hân',
    email: 'uvbch.ngochan@dongthap.doan.example',
    roles: ['cadre'],
    unitId: 'dong-thap',
    unitName: 'Tỉnh Đoàn Đồng Tháp',
  },
  {
    // The province's leader: the address the province's digests already go to.
    userId: 'bithu-dongthap',
    name: 'Nguyễn Thanh Bình',
    email: 'bithu@dongthap.doan.example',
    roles: ['leader'],
    unitId: 'dong-thap',
    unitName: 'Tỉnh Đoàn Đồng Tháp',
  },
  {
    userId: 'quantri-dongthap',
    name: 'Huỳnh Bảo Ngọc',
    email: 'quantri@dongthap.doan.example',
    roles: ['admin'],
    unitId: 'dong-thap',
    unitName: 'Tỉnh Đoàn Đồng Tháp',
  },
];
