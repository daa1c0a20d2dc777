/** Forms of commendation ("xét khen thưởng") the Ban Thường vụ gives with a recognition. */
export const COMMENDATIONS = { 'giay-khen': 'Giấy khen', 'bang-khen': 'Bằng khen' } as const;
export type Commendation = keyof typeof COMMENDATIONS;
