import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';

/**
 * The QR code of a link, drawn on the device as one SVG path (offline, no image request, no
 * inline style). The encoder is loaded on first use so the workshop list stays small.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const drawing = useSignal<{ size: number; path: string } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void import('qrcode-generator').then(({ default: qrcode }) => {
      const qr = qrcode(0, 'M');
      qr.addData(text);
      qr.make();
      const size = qr.getModuleCount();
      let path = '';
      for (let row = 0; row < size; row += 1) {
        for (let col = 0; col < size; col += 1) if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
      }
      if (isCurrent) drawing.value = { size: size + 8, path };
    });
    return () => (isCurrent = false);
  }, [text]);
  const value = drawing.value;
  if (!value) return <div class="ws-qr ws-qr--empty" />;
  return (
    <svg class="ws-qr" viewBox={`0 0 ${value.size} ${value.size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={value.size} height={value.size} fill="#fff" />
      <path d={value.path} fill="#000" />
    </svg>
  );
}
