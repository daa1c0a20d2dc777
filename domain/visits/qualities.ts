/** How a cadre rates a chi đoàn meeting they attended (kept apart from the schemas: pages read it without zod). */
export const MEETING_QUALITIES = { tot: 'Tốt', kha: 'Khá', 'trung-binh': 'Trung bình', yeu: 'Yếu' } as const;
export type MeetingQuality = keyof typeof MEETING_QUALITIES;
