/**
 * Forms of commendation ("xét khen thưởng") the Ban Thường vụ gives with a recognition. Seed 002
 * adds "tuyên dương" for the Đoàn cơ sở "3 chủ động" at the end of the phase ("tổ chức bình xét
 * đề nghị tuyên dương Đoàn cơ sở '3 chủ động' khi có thông báo"): that form is the model's alone.
 */
export const COMMENDATIONS = { 'giay-khen': 'Giấy khen', 'bang-khen': 'Bằng khen', 'tuyen-duong': 'Tuyên dương' } as const;
export type Commendation = keyof typeof COMMENDATIONS;

/** The forms a recognition in this programme may carry. */
export function commendationsOf(templateId: string): Commendation[] {
  return templateId === 'doan-co-so-3-chu-dong' ? ['giay-khen', 'bang-khen', 'tuyen-duong'] : ['giay-khen', 'bang-khen'];
}
