// Which files count as media when completing asset paths (they are listed before other files).
export const MEDIA_EXTENSIONS = new Set([
  '.mp4', '.mov', '.mkv', '.webm', '.avi', '.m4v', '.mxf', '.mts',
  '.mp3', '.wav', '.aac', '.m4a', '.flac', '.ogg', '.opus',
  '.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp', '.tif', '.tiff',
  '.srt', '.ass',
]);

export function isMediaFile(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && MEDIA_EXTENSIONS.has(name.slice(dot).toLowerCase());
}
