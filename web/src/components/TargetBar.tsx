/**
 * One figure against its target, drawn as a bar: how far the units are, and a mark where the
 * target sits. Plain SVG (no chart library on a phone budget); the words say it all for a
 * screen reader.
 */
export function TargetBar({ label, reached, of, target, gap, unitWord }: { label: string; reached: number; of: number; target?: number; gap: number; unitWord: string }) {
  const share = of > 0 ? reached / of : 0;
  const percent = (value: number) => `${(value * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
  const verdict = target === undefined ? '' : gap > 0 ? `còn thiếu ${gap.toLocaleString('vi-VN')} ${unitWord} để đạt chỉ tiêu ${percent(target)}` : `đạt chỉ tiêu ${percent(target)}`;
  const words = `${label}: ${reached.toLocaleString('vi-VN')}/${of.toLocaleString('vi-VN')} (${percent(share)})${verdict ? `, ${verdict}` : ''}`;
  return (
    <div className="target-bar">
      <div className="target-words">
        <span>
          {label}: <strong>{reached.toLocaleString('vi-VN')}</strong>/{of.toLocaleString('vi-VN')} ({percent(share)})
        </span>
        {verdict && <span className={gap > 0 ? 'gap' : 'ok'}>{gap > 0 ? verdict.replace(/^c/, 'C') : `✓ ${verdict.replace(/^đ/, 'Đ')}`}</span>}
      </div>
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={words}>
        <rect x="0" y="1" width="100" height="6" rx="3" className="track" />
        <rect x="0" y="1" width={Math.min(100, share * 100)} height="6" rx="3" className={target !== undefined && share < target ? 'fill behind' : 'fill'} />
        {target !== undefined && <rect x={Math.min(99.4, target * 100)} y="0" width="0.6" height="8" className="mark" />}
      </svg>
    </div>
  );
}
