// Starting points for "New Timeline". Pure text; each one is a valid timeline the core accepts
// once its media paths exist.

export interface TimelineTemplate {
  id: string;
  label: string;
  detail: string;
  text: string;
}

export const TIMELINE_TEMPLATES: TimelineTemplate[] = [
  {
    id: 'blank',
    label: 'Blank',
    detail: 'One video track, one clip',
    text: `version: 1
output:
  size: 1080p
  fps: 30

assets:
  intro: media/intro.mp4

tracks:
  - id: main
    clips:
      - asset: intro
        length: 5s
`,
  },
  {
    id: 'titled-edit',
    label: 'Edit with titles and music',
    detail: 'Two clips with a dissolve, a title overlay, music under the picture, a marker',
    text: `version: 1
output:
  path: out/edit.mp4
  size: 1080p
  fps: 30

assets:
  shot1: media/shot1.mp4
  shot2: media/shot2.mp4
  music: media/music.mp3

tracks:
  - id: main
    clips:
      - asset: shot1
        from: 0s
        length: 4s
      - asset: shot2
        length: 4s
        transition: { type: dissolve, duration: 0.5s }
  - id: titles
    type: overlay
    clips:
      - text: My Title
        at: 0.5s
        length: 2.5s
        position: bottom
        fadeIn: 0.3s
        fadeOut: 0.3s
  - id: bed
    type: audio
    clips:
      - asset: music
        length: 7.5s
        volume: -12dB
        fadeOut: 1s

markers:
  - at: 4s
    label: Second shot
`,
  },
  {
    id: 'vertical-short',
    label: 'Vertical short',
    detail: '1080x1920 for phones, a logo in the corner',
    text: `version: 1
output:
  size: vertical
  fps: 30

assets:
  clip: media/clip.mp4
  logo: media/logo.png

tracks:
  - id: main
    clips:
      - asset: clip
        length: 15s
        fit: cover
  - id: logo
    type: overlay
    clips:
      - asset: logo
        at: 0s
        length: 15s
        position: top-right
        scale: 0.2
`,
  },
];
