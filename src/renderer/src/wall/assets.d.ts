/** Vite turns an imported sound file into its built URL (under /assets/, served with its MIME type). */
declare module '*.wav' {
  const url: string;
  export default url;
}
