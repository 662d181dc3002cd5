import { useEffect, useState } from 'preact/hooks';

/**
 * An image from a blob on this phone (a photo's thumbnail or full image): an object URL made
 * while shown and revoked after, so 300 items never hold URLs they no longer show.
 */
export function BlobImage({ blob, alt, width, height, className }: { blob: Blob; alt: string; width: number; height: number; className?: string }) {
  const [url, setUrl] = useState('');
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url ? <img src={url} alt={alt} width={width} height={height} class={className} loading="lazy" decoding="async" /> : null;
}
