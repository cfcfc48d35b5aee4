// esbuild loads *.css as text (esbuild.mjs `loader`); the preview adopts it as a constructed sheet.
declare module '*.css' {
  const text: string;
  export default text;
}
